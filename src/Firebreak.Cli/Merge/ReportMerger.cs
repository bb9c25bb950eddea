using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Firebreak.Cli.Output;
using Firebreak.Core.Documents;
using Firebreak.Core.Analysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Firebreak.Cli.Merge;

/// <summary>
/// Combines the reports of many repositories (our SARIF or JSON, one per repository, as an org-wide fan-out leaves
/// them) into one: each finding once per repository (by its line-independent fingerprint, so the same report
/// downloaded twice or two overlapping scans of one repository count once), with counts per repository.
/// </summary>
public sealed class ReportMerger
{
    public sealed record Input(string Repository, string Path);

    public sealed record MergedFinding(string Repository, JObject Finding, string Fingerprint, string Level, string RuleId);

    public sealed record RepositoryCounts(string Repository, int Errors, int Warnings, int Notes, int Duplicates)
    {
        public int Total => Errors + Warnings + Notes;
    }

    private readonly List<MergedFinding> _findings = new();
    private readonly Dictionary<string, HashSet<string>> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _duplicates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JObject> _sarifRules = new(StringComparer.Ordinal);
    private JObject? _sarifDriver;

    public IReadOnlyList<MergedFinding> Findings => _findings;

    /// <summary>One report: a Firebreak SARIF log or JSON report. Anything else is a usage error naming the file.</summary>
    public void Add(Input input, string text)
    {
        JToken root;
        try
        {
            root = JToken.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"'{input.Path}' is not JSON: {ex.Message.Split('\n')[0]}");
        }
        if (!_seen.ContainsKey(input.Repository))
        {
            _seen[input.Repository] = new HashSet<string>(StringComparer.Ordinal);
            _duplicates[input.Repository] = 0;
        }
        if (root is JObject o && o["runs"] is JArray runs)
        {
            foreach (var run in runs.OfType<JObject>())
            {
                if (run.SelectToken("tool.driver") is JObject driver)
                {
                    _sarifDriver ??= (JObject)driver.DeepClone();
                    foreach (var rule in driver["rules"]?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
                    {
                        if (rule["id"]?.Type == JTokenType.String) _sarifRules.TryAdd((string)rule["id"]!, rule);
                    }
                }
                foreach (var result in run["results"]?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
                {
                    string? fingerprint = (string?)result.SelectToken($"partialFingerprints['{Fingerprints.Key}']");
                    var copy = (JObject)result.DeepClone();
                    copy.Remove("ruleIndex");
                    Keep(input, copy, fingerprint, (string?)result["level"] ?? "warning", (string?)result["ruleId"] ?? "");
                }
            }
        }
        else if (root is JObject json && json["findings"] is JArray findings)
        {
            foreach (var finding in findings.OfType<JObject>())
                Keep(input, (JObject)finding.DeepClone(), (string?)finding["fingerprint"], (string?)finding["level"] ?? "warning", (string?)finding["ruleId"] ?? "");
        }
        else
        {
            throw new UsageException($"'{input.Path}' is neither a Firebreak SARIF nor a JSON report");
        }
    }

    private void Keep(Input input, JObject finding, string? fingerprint, string level, string ruleId)
    {
        // A result without our fingerprint (another tool's) is kept as it is: nothing says it is a duplicate.
        if (fingerprint is not null && !_seen[input.Repository].Add(fingerprint))
        {
            _duplicates[input.Repository]++;
            return;
        }
        _findings.Add(new MergedFinding(input.Repository, finding, fingerprint ?? string.Empty, level, ruleId));
    }

    public IReadOnlyList<RepositoryCounts> Counts() => _seen.Keys.OrderBy(r => r, StringComparer.Ordinal).Select(repository =>
    {
        var own = _findings.Where(f => f.Repository == repository).ToList();
        return new RepositoryCounts(repository, own.Count(f => f.Level == "error"), own.Count(f => f.Level == "warning"), own.Count(f => f.Level == "note"), _duplicates[repository]);
    }).ToList();

    /// <summary>One JSON document: per-repository counts, then every finding with its repository.</summary>
    public string WriteJson()
    {
        var root = new JObject
        {
            ["tool"] = "firebreak",
            ["version"] = ToolInfo.Version,
            ["repositories"] = new JArray(Counts().Select(c => new JObject
            {
                ["repository"] = c.Repository,
                ["findings"] = c.Total,
                ["errors"] = c.Errors,
                ["warnings"] = c.Warnings,
                ["notes"] = c.Notes,
                ["duplicates"] = c.Duplicates,
            })),
            ["findings"] = new JArray(Ordered().Select(f =>
            {
                var copy = new JObject { ["repository"] = f.Repository };
                foreach (var property in f.Finding.Properties()) copy[property.Name] = property.Value.DeepClone();
                return copy;
            })),
        };
        return root.ToString(Formatting.Indented) + "\n";
    }

    /// <summary>
    /// SARIF 2.1.0 with one run per repository (its <c>automationDetails.id</c> names it), the rule objects of the
    /// inputs in each run, so a SARIF viewer or a dashboard reads it as the inputs were.
    /// </summary>
    public string WriteSarif()
    {
        var runs = new JArray();
        var byRepository = Ordered().GroupBy(f => f.Repository).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Every repository gets its run, a clean one too: an empty run says "scanned, nothing found" (and closes its
        // old alerts in code scanning), where a missing run says nothing.
        foreach (var repository in _seen.Keys.OrderBy(r => r, StringComparer.Ordinal))
        {
            var group = byRepository.TryGetValue(repository, out var own) ? own : new List<MergedFinding>();
            var driver = (JObject?)_sarifDriver?.DeepClone() ?? new JObject { ["name"] = ToolInfo.Name, ["version"] = ToolInfo.Version };
            var ruleIds = group.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList();
            driver["rules"] = new JArray(ruleIds.Where(_sarifRules.ContainsKey).Select(id => _sarifRules[id].DeepClone()));
            var index = ((JArray)driver["rules"]!).Select((r, i) => ((string)r["id"]!, i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
            var results = new JArray();
            foreach (var finding in group)
            {
                var result = finding.Finding.ContainsKey("locations") ? (JObject)finding.Finding.DeepClone() : FromJsonFinding(finding.Finding);
                if (index.TryGetValue(finding.RuleId, out int i)) result.Property("ruleId")?.AddAfterSelf(new JProperty("ruleIndex", i));
                results.Add(result);
            }
            runs.Add(new JObject
            {
                ["tool"] = new JObject { ["driver"] = driver },
                ["automationDetails"] = new JObject { ["id"] = $"firebreak/{repository}/" },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            });
        }
        var log = new JObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = runs,
        };
        return log.ToString(Formatting.Indented) + "\n";
    }

    private static JObject FromJsonFinding(JObject f) => new()
    {
        ["ruleId"] = f["ruleId"]?.DeepClone(),
        ["level"] = f["level"]?.DeepClone(),
        ["message"] = new JObject { ["text"] = f["message"]?.DeepClone() },
        ["locations"] = new JArray(new JObject
        {
            ["physicalLocation"] = new JObject
            {
                ["artifactLocation"] = new JObject { ["uri"] = f["path"]?.DeepClone(), ["uriBaseId"] = SarifReport.SourceRoot },
                ["region"] = new JObject
                {
                    ["startLine"] = f["startLine"]?.DeepClone(),
                    ["startColumn"] = f["startColumn"]?.DeepClone(),
                    ["endLine"] = f["endLine"]?.DeepClone(),
                    ["endColumn"] = f["endColumn"]?.DeepClone(),
                },
            },
        }),
        ["partialFingerprints"] = new JObject { [Fingerprints.Key] = f["fingerprint"]?.DeepClone() },
    };

    /// <summary>Repositories by name; within one, the order the report had (ours is path, line, column, rule).</summary>
    private IEnumerable<MergedFinding> Ordered() =>
        _findings.Select((f, i) => (f, i)).OrderBy(p => p.f.Repository, StringComparer.Ordinal).ThenBy(p => p.i).Select(p => p.f);

    /// <summary>The per-repository table for the terminal.</summary>
    public string Summary()
    {
        var counts = Counts();
        var text = new StringBuilder();
        int width = Math.Max(10, counts.Select(c => TextReport.Escape(c.Repository).Length).DefaultIfEmpty(0).Max());
        text.Append("repository".PadRight(width)).Append("  findings  errors  warnings  notes  duplicates\n");
        foreach (var c in counts)
        {
            text.Append(TextReport.Escape(c.Repository).PadRight(width))
                .Append(Cell(c.Total, 10)).Append(Cell(c.Errors, 8)).Append(Cell(c.Warnings, 10)).Append(Cell(c.Notes, 7)).Append(Cell(c.Duplicates, 12)).Append('\n');
        }
        text.Append($"{_findings.Count} findings in {counts.Count} repositories ({counts.Sum(c => c.Duplicates)} duplicates dropped)\n");
        return text.ToString();
    }

    private static string Cell(int n, int width) => n.ToString(CultureInfo.InvariantCulture).PadLeft(width);

    /// <summary><c>NAME=FILE</c> names the repository; a bare FILE is named by its folder (one artifact per folder).</summary>
    public static Input ParseInput(string argument, string workingDirectory)
    {
        int eq = argument.IndexOf('=');
        string name, path;
        if (eq > 0 && !File.Exists(Path.Combine(workingDirectory, argument)))
        {
            name = argument.Substring(0, eq);
            path = argument.Substring(eq + 1);
        }
        else
        {
            path = argument;
            string full = Path.GetFullPath(Path.Combine(workingDirectory, argument));
            name = Path.GetFileName(Path.GetDirectoryName(full)) ?? "report";
        }
        return new Input(name, path);
    }
}
