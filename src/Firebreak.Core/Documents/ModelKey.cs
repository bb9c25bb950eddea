using System;

namespace Firebreak.Core.Documents;

/// <summary>
/// A typed name for a model built from one document (its YAML tree, its workflow model, its shell sources). The layer
/// that knows how to build the model defines the key; the document caches by key without knowing the model, so the
/// bottom layer never names the layers above it.
/// </summary>
public sealed class ModelKey<T> where T : class
{
    /// <param name="transient">
    /// A parse tree or other bulky model that cross-file rules do not read once the file's own pass is over: the engine
    /// drops it then (see <see cref="DocumentContext.ReleaseTransientModels"/>), and it is built again if anything asks.
    /// Facts that outlive the pass must not point into it, or dropping it frees nothing.
    /// </param>
    public ModelKey(string name, Func<DocumentContext, T> build, bool transient = false)
    {
        Name = name;
        Build = build;
        Transient = transient;
    }

    /// <summary>For diagnostics only; keys are compared by identity.</summary>
    public string Name { get; }

    internal Func<DocumentContext, T> Build { get; }

    /// <summary>Dropped after the file's own pass; see the constructor.</summary>
    public bool Transient { get; }

    public override string ToString() => Name;
}

/// <summary>
/// A typed setting a host gives the analysis (the catalogues), defined by the layer that reads it, carried by
/// <see cref="AnalysisOptions"/> without that layer being named here.
/// </summary>
public sealed class OptionKey<T> where T : class
{
    private readonly Func<T> _default;

    public OptionKey(string name, Func<T> defaultValue)
    {
        Name = name;
        _default = defaultValue;
    }

    public string Name { get; }

    public T Default => _default();

    public override string ToString() => Name;
}
