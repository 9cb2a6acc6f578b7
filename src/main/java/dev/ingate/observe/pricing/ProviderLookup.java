package dev.ingate.observe.pricing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the genai-prices provider for an Ingate provider name or type. In order:
 * <ol>
 *   <li>the provider id itself ({@code openai}, {@code anthropic}, {@code aws}, {@code google},
 *       {@code groq}, {@code mistral}, {@code deepseek}, {@code together}, {@code x-ai}, …);</li>
 *   <li>local servers ({@code ollama}, LM Studio, vLLM, llama.cpp): free, whatever the model;</li>
 *   <li>a name containing {@code azure} → {@code azure}, before the data's own rules, which would
 *       send {@code azure-openai} to OpenAI;</li>
 *   <li>the data's {@code provider_match} clauses, first provider wins ({@code gemini} and
 *       {@code vertex} → google, {@code bedrock}/{@code amazon} → aws, {@code xai} → x-ai,
 *       {@code mistralai} → mistral, a name containing {@code openai} or {@code anthropic} → those);</li>
 *   <li>Ingate's own aliases for names the data does not catch ({@code grok}, {@code kimi},
 *       {@code zhipu}, {@code togetherai}, and any name containing a vendor id, e.g.
 *       {@code groq-eu} → groq).</li>
 * </ol>
 * A configured name like {@code corp-llm} matches nothing: callers then try the provider's type
 * ({@code openai}, {@code anthropic}, {@code gemini}, {@code bedrock}, {@code ollama}), which
 * {@link PriceCatalog#find(String, String, String)} does for them.
 */
final class ProviderLookup {

    private static final Set<String> LOCAL_EXACT = Set.of("lmstudio", "lm-studio", "lm_studio", "vllm",
            "llamacpp", "llama.cpp", "llama-cpp", "llama_cpp", "local");

    private static final Map<String, String> ALIASES_BEFORE_DATA = Map.of("azure", "azure");

    // Ordered: the more specific vendor names first.
    private static final Map<String, String> ALIASES_AFTER_DATA = new LinkedHashMap<>();

    static {
        ALIASES_AFTER_DATA.put("openrouter", "openrouter");
        ALIASES_AFTER_DATA.put("grok", "x-ai");
        ALIASES_AFTER_DATA.put("kimi", "moonshotai");
        ALIASES_AFTER_DATA.put("zhipu", "zhipuai");
        ALIASES_AFTER_DATA.put("bigmodel", "zhipuai");
        ALIASES_AFTER_DATA.put("together", "together");
        ALIASES_AFTER_DATA.put("fireworks", "fireworks");
        ALIASES_AFTER_DATA.put("deepseek", "deepseek");
        ALIASES_AFTER_DATA.put("groq", "groq");
        ALIASES_AFTER_DATA.put("perplexity", "perplexity");
        ALIASES_AFTER_DATA.put("cerebras", "cerebras");
        ALIASES_AFTER_DATA.put("minimax", "minimax");
        ALIASES_AFTER_DATA.put("novita", "novita");
        ALIASES_AFTER_DATA.put("mistral", "mistral");
        ALIASES_AFTER_DATA.put("cohere", "cohere");
        ALIASES_AFTER_DATA.put("voyage", "voyageai");
    }

    private final List<CatalogProvider> providers;
    private final Map<String, CatalogProvider> byId;

    ProviderLookup(List<CatalogProvider> providers) {
        this.providers = List.copyOf(providers);
        Map<String, CatalogProvider> ids = new LinkedHashMap<>();
        for (CatalogProvider p : providers) {
            ids.putIfAbsent(p.id(), p);
        }
        this.byId = ids;
    }

    /** @param lowerName a lower-cased, trimmed provider name or type */
    static boolean isLocal(String lowerName) {
        return lowerName.contains("ollama") || LOCAL_EXACT.contains(lowerName);
    }

    CatalogProvider byId(String id) {
        return byId.get(id);
    }

    List<CatalogProvider> all() {
        return providers;
    }

    /** @param lowerName a lower-cased, trimmed provider name or type; @return null when none fits */
    CatalogProvider resolve(String lowerName) {
        if (lowerName.isEmpty()) {
            return null;
        }
        CatalogProvider exact = byId.get(lowerName);
        if (exact != null) {
            return exact;
        }
        CatalogProvider alias = alias(ALIASES_BEFORE_DATA, lowerName);
        if (alias != null) {
            return alias;
        }
        for (CatalogProvider p : providers) {
            if (p.providerMatch().matches(lowerName)) {
                return p;
            }
        }
        return alias(ALIASES_AFTER_DATA, lowerName);
    }

    private CatalogProvider alias(Map<String, String> aliases, String lowerName) {
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (lowerName.contains(a.getKey())) {
                return byId.get(a.getValue());
            }
        }
        return null;
    }
}
