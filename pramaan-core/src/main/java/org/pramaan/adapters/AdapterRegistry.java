package org.pramaan.adapters;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.pramaan.errors.Invalid;

/**
 * The providers on the class path, by {@link AdaptersProvider#name()}. A store kind that is
 * planned but not built yet is refused with a message saying so, rather than as a typo.
 */
public final class AdapterRegistry {
    /** The wire/CLI code of a {@code store} value no provider on the class path answers to. */
    public static final String UNAVAILABLE = "config.store_unavailable";
    /** Kinds of the scaled deployment (docs/architecture.md): named so the refusal can say they are coming, not misspelt. */
    public static final List<String> PLANNED = List.of("postgres", "kafka", "s3");

    private final Map<String, AdaptersProvider> providers;

    private AdapterRegistry(Map<String, AdaptersProvider> providers) {
        this.providers = Map.copyOf(providers);
    }

    /** The providers {@link ServiceLoader} finds through {@code loader}. */
    public static AdapterRegistry load(ClassLoader loader) {
        return of(ServiceLoader.load(AdaptersProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** The providers on this class's class path. */
    public static AdapterRegistry installed() {
        return load(AdapterRegistry.class.getClassLoader());
    }

    /** A registry of exactly {@code providers}; two with one name are a packaging mistake and refused. */
    public static AdapterRegistry of(List<AdaptersProvider> providers) {
        Map<String, AdaptersProvider> byName = new TreeMap<>();
        for (AdaptersProvider p : providers) {
            AdaptersProvider before = byName.putIfAbsent(p.name(), p);
            if (before != null) {
                throw new IllegalStateException("two store providers are named '" + p.name() + "': "
                        + before.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new AdapterRegistry(byName);
    }

    /** Provider names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeMap<>(providers).keySet());
    }

    /** The provider for {@code kind}, if one on the class path answers to it. */
    public java.util.Optional<AdaptersProvider> find(String kind) {
        return java.util.Optional.ofNullable(providers.get(kind));
    }

    /**
     * Why {@code kind} cannot be opened, as a phrase after the value ("names the postgres adapter,
     * which is not built yet; available: embedded"); for a kind that {@link #find} finds, the
     * caller has nothing to report.
     */
    public String refusal(String kind) {
        String problem = PLANNED.contains(kind)
                ? "names the " + kind + " adapter, which is not built yet"
                : "names no store adapter";
        return problem + "; available: " + String.join(", ", names());
    }

    /**
     * The provider for {@code kind}.
     *
     * @throws Invalid (field {@code store}, code {@link #UNAVAILABLE}) naming the value and the kinds available
     */
    public AdaptersProvider provider(String kind) {
        return find(kind).orElseThrow(() -> {
            String shown = kind.length() > 64 ? kind.substring(0, 64) + "…" : kind;
            return new Invalid(UNAVAILABLE, "store", "store '" + shown + "' " + refusal(kind), null);
        });
    }

    /** Opens the store {@code settings} names. */
    public Adapters open(StoreSettings settings) throws java.io.IOException {
        return provider(settings.kind()).open(settings);
    }
}
