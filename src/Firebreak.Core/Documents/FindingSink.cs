using System;
using System.Collections.Generic;
using Firebreak.Core.Rules;
using Firebreak.Core.Text;

namespace Firebreak.Core.Documents;

/// <summary>Where rules report. Spans are in the reporting document's own file (map embedded spans first).</summary>
public sealed class FindingSink
{
    /// <summary>Findings of one rule in one file beyond this many are counted, not kept: 500,000 `DROP TABLE`
    /// statements in one `psql -c` are one problem, and a report of them would be hundreds of megabytes.</summary>
    public const int MaxPerRulePerFile = 100;

    /// <summary>A sink that holds nothing, for files that reported nothing (never reported into).</summary>
    internal static FindingSink Empty { get; } = new();

    private readonly List<PendingFinding> _findings = new();
    private readonly Dictionary<(string Rule, string Path), int> _counts = new();
    private readonly Dictionary<(string Rule, string Path), (SourceLocation First, int Count)> _dropped = new();
    private readonly object _gate = new();

    /// <summary>Per rule and file, where the findings past the cap begin and how many there were.</summary>
    internal IReadOnlyList<(RuleDescriptor Rule, SourceLocation First, int Count)> Dropped
    {
        get
        {
            lock (_gate)
            {
                var list = new List<(RuleDescriptor, SourceLocation, int)>();
                foreach (var finding in _findings)
                    if (_dropped.TryGetValue((finding.Rule.Id, finding.Location.Path), out var dropped) && !list.Exists(d => d.Item1.Id == finding.Rule.Id && d.Item2.Path == finding.Location.Path))
                        list.Add((finding.Rule, dropped.First, dropped.Count));
                return list;
            }
        }
    }

    /// <summary>Nothing reported and nothing counted past the cap.</summary>
    internal bool IsEmpty
    {
        get { lock (_gate) return _findings.Count == 0 && _dropped.Count == 0; }
    }

    internal IReadOnlyList<PendingFinding> Findings
    {
        get { lock (_gate) return _findings.ToArray(); }
    }

    /// <param name="rule">The descriptor; must be one the rule declares.</param>
    /// <param name="document">The file the finding is in.</param>
    /// <param name="span">The smallest node that explains the finding.</param>
    /// <param name="message">What will happen and what to do.</param>
    /// <param name="level">A level raised or lowered by context; the rule's default otherwise.</param>
    /// <param name="fingerprintText">What identifies the finding beyond its span's text (never a secret's value).</param>
    /// <param name="related">Other places that explain it.</param>
    public void Report(
        RuleDescriptor rule,
        DocumentContext document,
        TextSpan span,
        string message,
        FindingLevel? level = null,
        string? fingerprintText = null,
        IReadOnlyList<RelatedLocation>? related = null)
    {
        if (span.End > document.Text.Length) span = TextSpan.FromBounds(Math.Min(span.Start, document.Text.Length), document.Text.Length);
        var location = SourceLocation.Create(document.Text, span);
        Add(new PendingFinding(rule, level ?? rule.DefaultLevel, message, location, fingerprintText, related));
    }

    /// <summary>
    /// A finding on a file the host read beside the scanned ones but did not hand over (a project file found on disk
    /// above a scanned source file, noted when it cannot be read), at its start; a finding in a scanned file goes
    /// through <see cref="Report"/>.
    /// </summary>
    /// <param name="rule">The descriptor; must be one the rule declares or a tool note.</param>
    /// <param name="path">Scan-relative path of the file.</param>
    /// <param name="message">The whole message.</param>
    /// <param name="fingerprintText">What identifies the finding beyond its path.</param>
    public void ReportOnUnscannedFile(RuleDescriptor rule, string path, string message, string? fingerprintText)
    {
        var location = new SourceLocation(path.Replace('\\', '/'), new TextSpan(0, 0), new LinePosition(0, 0), new LinePosition(0, 0), string.Empty);
        Add(new PendingFinding(rule, rule.DefaultLevel, message, location, fingerprintText, null));
    }

    /// <summary>
    /// True when <paramref name="rule"/> already holds its <see cref="MaxPerRulePerFile"/> findings in this file: the
    /// finding at <paramref name="span"/> is then counted with the others past the cap, and the rule skips building its
    /// message (500,000 of them were most of the time and memory of one hostile `psql -c`).
    /// </summary>
    public bool CountIfFull(RuleDescriptor rule, DocumentContext document, TextSpan span)
    {
        if (rule.Family == RuleFamily.Tool) return false;
        var key = (rule.Id, document.Text.Path);
        lock (_gate)
        {
            _counts.TryGetValue(key, out int count);
            if (count < MaxPerRulePerFile) return false;
            _counts[key] = count + 1;
            if (_dropped.TryGetValue(key, out var dropped)) _dropped[key] = (dropped.First, dropped.Count + 1);
            else
            {
                if (span.End > document.Text.Length) span = TextSpan.FromBounds(Math.Min(span.Start, document.Text.Length), document.Text.Length);
                _dropped[key] = (SourceLocation.Create(document.Text, span), 1);
            }
            return true;
        }
    }

    internal void AddAll(FindingSink other)
    {
        foreach (var finding in other.Findings) Add(finding);
        lock (_gate)
        {
            foreach (var pair in other._dropped)
            {
                _dropped[pair.Key] = _dropped.TryGetValue(pair.Key, out var mine) ? (mine.First, mine.Count + pair.Value.Count) : pair.Value;
            }
        }
    }

    internal void Add(PendingFinding finding)
    {
        var key = (finding.Rule.Id, finding.Location.Path);
        lock (_gate)
        {
            _counts.TryGetValue(key, out int count);
            _counts[key] = count + 1;
            if (count < MaxPerRulePerFile || finding.Rule.Family == RuleFamily.Tool)
            {
                _findings.Add(finding);
                return;
            }
            _dropped[key] = _dropped.TryGetValue(key, out var dropped) ? (dropped.First, dropped.Count + 1) : (finding.Location, 1);
        }
    }
}

internal sealed class PendingFinding
{
    public PendingFinding(RuleDescriptor rule, FindingLevel level, string message, SourceLocation location, string? fingerprintText, IReadOnlyList<RelatedLocation>? related)
    {
        Rule = rule;
        Level = level;
        Message = message;
        Location = location;
        FingerprintText = fingerprintText;
        Related = related;
    }

    public RuleDescriptor Rule { get; }
    public FindingLevel Level { get; }
    public string Message { get; }
    public SourceLocation Location { get; }
    public string? FingerprintText { get; }
    public IReadOnlyList<RelatedLocation>? Related { get; }
}
