package dev.ingate.observe.usage;

import java.util.Arrays;

/**
 * Server-sent events as the spec reads them: lines end with LF, CRLF or CR; a blank line ends an event;
 * {@code data:} lines (one optional space after the colon, or none) make its payload, several joined with
 * LF; comments ({@code : ping}) and other fields ({@code event:}, {@code id:}, {@code retry:}) are passed
 * over, since every shape here repeats the event type inside its JSON.
 */
final class SseSplitter implements EventSplitter {

    private static final byte[] NEWLINE = {'\n'};

    /** Payload of an event with several data lines, joined; reused, as such events are rare. */
    private byte[] joined = new byte[256];
    private int joinedLength;
    private int dataFrom;
    private int dataTo;
    private int dataLines;

    @Override
    public int split(byte[] bytes, int from, int to, boolean atEnd, Sink sink) {
        int eventStart = from;
        int pos = from;
        dataLines = 0; // forget any event left unfinished by the last call
        while (pos < to) {
            int eol = lineEnd(bytes, pos, to);
            if (eol == to && !atEnd) {
                return eventStart; // the line is not finished yet
            }
            // a CR ending the bytes may be half of a CRLF: harmless, as an unfinished event is read again
            // from its start, and a lone LF after a dispatched event is a blank line with no data
            int next = eol >= to ? to : bytes[eol] == '\r' && eol + 1 < to && bytes[eol + 1] == '\n' ? eol + 2 : eol + 1;
            if (eol == pos) {
                dispatch(bytes, sink);
                eventStart = next;
            } else if (isData(bytes, pos, eol)) {
                int value = pos + 4;
                if (value < eol && bytes[value] == ':') {
                    value++;
                    if (value < eol && bytes[value] == ' ') {
                        value++;
                    }
                }
                addData(bytes, value, eol);
            }
            pos = next;
        }
        if (atEnd) {
            dispatch(bytes, sink);
            return to;
        }
        return eventStart; // an unfinished event is read again, whole, next time
    }

    private static int lineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
        }
        return to;
    }

    /** The field is {@code data}: the line is "data" alone or "data:…". */
    private static boolean isData(byte[] bytes, int from, int to) {
        return to - from >= 4 && bytes[from] == 'd' && bytes[from + 1] == 'a' && bytes[from + 2] == 't' && bytes[from + 3] == 'a'
                && (to - from == 4 || bytes[from + 4] == ':');
    }

    private void addData(byte[] bytes, int from, int to) {
        dataLines++;
        if (dataLines == 1) {
            dataFrom = from;
            dataTo = to;
            return;
        }
        if (dataLines == 2) {
            joinedLength = 0;
            append(bytes, dataFrom, dataTo);
        }
        append(NEWLINE, 0, 1);
        append(bytes, from, to);
    }

    private void append(byte[] bytes, int from, int to) {
        int length = to - from;
        if (joinedLength + length > joined.length) {
            joined = Arrays.copyOf(joined, Math.max(joined.length * 2, joinedLength + length));
        }
        System.arraycopy(bytes, from, joined, joinedLength, length);
        joinedLength += length;
    }

    private void dispatch(byte[] bytes, Sink sink) {
        int lines = dataLines;
        dataLines = 0;
        if (lines == 1) {
            sink.event(bytes, dataFrom, dataTo);
        } else if (lines > 1) {
            sink.event(joined, 0, joinedLength);
        }
    }
}
