using Firebreak.Core.Documents;

namespace Firebreak.Core.Commands;

/// <summary>The catalogues of a scan (built-in plus the user's), carried by the analysis options and read by documents.</summary>
public static class CatalogOptions
{
    public static readonly OptionKey<CatalogSet> Key = new("catalogs", static () => CatalogSet.Default);

    extension(AnalysisOptions options)
    {
        /// <summary>The catalogues rules match against: built-in, plus the user's (firebreak.yml <c>catalogs:</c>).</summary>
        public CatalogSet Catalogs => options.Get(Key);

        /// <summary>These options with the user's catalogues.</summary>
        public AnalysisOptions WithCatalogs(CatalogSet catalogs) => options.With(Key, catalogs);
    }

    extension(DocumentContext document)
    {
        /// <summary>
        /// The catalogues of this scan. Models that several rules share match against these, so a user catalogue reaches
        /// every rule that reads the model.
        /// </summary>
        public CatalogSet Catalogs => document.Options.Get(Key);
    }
}
