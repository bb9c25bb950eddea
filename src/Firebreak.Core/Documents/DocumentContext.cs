using System;
using System.Collections.Generic;
using Firebreak.Core.Text;

namespace Firebreak.Core.Documents;

/// <summary>
/// One file during analysis. Every parse is done once, on first use, and shared by all rules of the file
/// (<see cref="Get{T}"/>, one typed <see cref="ModelKey{T}"/> per model); parse problems and comments from embedded languages are collected here.
/// </summary>
public sealed class DocumentContext
{
    // One of these per file of the scan, alive to its end: small (a 100,000-file scan holds 100,000), the lists made
    // when first needed. The models are a handful per file: a chain of immutable pairs, the newest first, changed under
    // the gate and read without a lock (a concurrent dictionary per file was half a kilobyte of every file's cost; an
    // array copied whole on every model added, a tenth of that, and quadratic in the models).
    private ModelEntry? _models;
    private List<(string Language, SyntaxDiagnostic Diagnostic)>? _parseProblems;
    private List<CommentTrivia>? _embeddedComments;
    private readonly object _gate = new();
    // Transient models built so far, and those dropped: a dropped model built again reports nothing a second time.
    private List<object>? _transient;
    private HashSet<object>? _released;
    private int _muted;

    /// <param name="options">The scan's options; <see cref="AnalysisOptions.Default"/> when null.</param>
    public DocumentContext(SourceFile file, AnalysisOptions? options = null)
    {
        File = file;
        Text = file.Source;
        Options = options ?? AnalysisOptions.Default;
        Meter = new WorkMeter(Options.BudgetLimits);
    }

    public SourceFile File { get; }

    /// <summary>The options of the scan this file is part of.</summary>
    public AnalysisOptions Options { get; }

    public SourceText Text { get; }

    /// <summary>This file's work budget: every parse, model and rule working on the file charges it.</summary>
    public WorkMeter Meter { get; }

    /// <summary>The budget this file ran out of, once it has: its analysis stopped there (an FB0001 note says so).</summary>
    public BudgetExceededException? StoppedBy => Meter.Exceeded;

    public string Path => File.Path;
    public FileKind Kind => File.Kind;

    /// <summary>The model <paramref name="key"/> names, built on first use and then shared by every rule of the file.</summary>
    public T Get<T>(ModelKey<T> key) where T : class => GetModel(key, key.Build, key.Transient);

    /// <summary>
    /// Gives the document a model that other files of the scan decide (a Helm template's chart values), before any rule
    /// asks for it; a model already built is kept.
    /// </summary>
    public void Provide<T>(ModelKey<T> key, T model) where T : class
    {
        lock (_gate)
        {
            if (Find(key) is null) Store(key, model);
        }
    }

    private sealed class ModelEntry
    {
        public ModelEntry(object key, object model, ModelEntry? next)
        {
            Key = key;
            Model = model;
            Next = next;
        }

        public object Key { get; }
        public object Model { get; }
        public ModelEntry? Next { get; }
    }

    private object? Find(object key)
    {
        for (var entry = System.Threading.Volatile.Read(ref _models); entry is not null; entry = entry.Next)
            if (ReferenceEquals(entry.Key, key)) return entry.Model;
        return null;
    }

    /// <summary>Adds or replaces a model; callers hold the gate.</summary>
    private void Store(object key, object model)
    {
        var rest = Find(key) is null ? _models : Without(_models, new List<object> { key });
        System.Threading.Volatile.Write(ref _models, new ModelEntry(key, model, rest));
    }

    /// <summary>The chain without the entries of these keys, in the same order.</summary>
    private static ModelEntry? Without(ModelEntry? models, List<object> keys)
    {
        var kept = new List<ModelEntry>();
        for (var entry = models; entry is not null; entry = entry.Next)
            if (!keys.Contains(entry.Key)) kept.Add(entry);
        ModelEntry? chain = null;
        for (int i = kept.Count - 1; i >= 0; i--) chain = new ModelEntry(kept[i].Key, kept[i].Model, chain);
        return chain;
    }

    private T GetModel<T>(object key, Func<DocumentContext, T> factory, bool transient) where T : class
    {
        if (Find(key) is { } existing) return (T)existing;
        if (Meter.Exceeded is { } exceeded) throw exceeded;
        lock (_gate)
        {
            if (Find(key) is { } built) return (T)built;
            // Whoever asks (a file rule, a cross-file rule, a phase), building this file's model spends this file's budget.
            bool rebuilt = _released?.Contains(key) == true;
            if (rebuilt) _muted++;
            try
            {
                // Built again, the model does the work it did the first time, which the file's budget allowed: it is
                // bounded by a meter of its own, so that building twice does not spend the file's budget twice.
                long clock = ScanTimings.Now();
                using (WorkBudget.Enter(rebuilt ? new WorkMeter(Meter.Limits) : Meter))
                {
                    var model = factory(this);
                    if (ScanTimings.Enabled) ScanTimings.Charge("model " + key + " " + Kind + (rebuilt ? " (again)" : ""), clock);
                    Store(key, model);
                    if (transient) (_transient ??= new List<object>()).Add(key);
                    return model;
                }
            }
            finally
            {
                if (rebuilt) _muted--;
            }
        }
    }

    /// <summary>
    /// Drops the transient models (parse trees no cross-file rule reads): called by the engine when the file's own pass
    /// is over, so that a scan holds its facts rather than every file's trees. A model asked for again is built again,
    /// and its parse problems and comments, already collected, are not collected twice. A text its host keeps as UTF-8
    /// (<see cref="SourceText.ReleaseText"/>) drops its decoded string too, decoded again if anything asks.
    /// </summary>
    public void ReleaseTransientModels()
    {
        Text.ReleaseText();
        lock (_gate)
        {
            if (_transient is null) return;
            var transient = _transient;
            System.Threading.Volatile.Write(ref _models, Without(_models, transient));
            foreach (var key in transient) (_released ??= new HashSet<object>()).Add(key);
            _transient = null;
        }
    }

    /// <summary>A problem a parser recovered from; the engine turns the first of them into an FB0001 note.</summary>
    public void ReportParseProblem(string language, SyntaxDiagnostic diagnostic)
    {
        lock (_gate)
        {
            if (_muted == 0) (_parseProblems ??= new()).Add((language, diagnostic));
        }
    }

    /// <summary>A comment found inside embedded code (a shell comment in a <c>run:</c> block), span in this file.</summary>
    public void RegisterEmbeddedComment(CommentTrivia comment)
    {
        lock (_gate)
        {
            if (_muted == 0) (_embeddedComments ??= new()).Add(comment);
        }
    }

    internal IReadOnlyList<(string Language, SyntaxDiagnostic Diagnostic)> ParseProblems
    {
        get { lock (_gate) return _parseProblems?.ToArray() ?? Array.Empty<(string, SyntaxDiagnostic)>(); }
    }

    /// <summary>Comments registered from embedded code, in this file's positions.</summary>
    public IReadOnlyList<CommentTrivia> EmbeddedComments
    {
        get { lock (_gate) return _embeddedComments?.ToArray() ?? Array.Empty<CommentTrivia>(); }
    }
}
