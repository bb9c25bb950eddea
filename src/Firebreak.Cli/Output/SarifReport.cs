using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Output;

/// <summary>
/// SARIF 2.1.0 through Sarif.Sdk, shaped for GitHub code scanning: full rule objects with tags, precision and
/// security-severity; explicit levels; <c>%SRCROOT%</c>-relative URIs; full regions; line-independent fingerprints.
/// The same findings give the same bytes: rules and results are written in catalogue and finding order, and nothing
/// time- or machine-dependent is written.
/// </summary>
public static class SarifReport
{
    public const string SourceRoot = "%SRCROOT%";

    public static string Write(AnalysisResult result)
    {
        var rules = RuleCatalog.All;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = ToolInfo.Name,
                    FullName = $"{ToolInfo.Name} {ToolInfo.Version}",
                    Version = ToolInfo.Version,
                    SemanticVersion = ToolInfo.Version,
                    InformationUri = new Uri(ToolInfo.InformationUri),
                    Rules = rules.Select(RuleObject).ToList(),
                },
            },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
            {
                // GitHub resolves %SRCROOT% to the checkout; a description is enough for the validator.
                [SourceRoot] = new ArtifactLocation { Description = new Message { Text = "The root of the scanned repository." } },
            },
            ColumnKind = ColumnKind.Utf16CodeUnits,
            Results = result.Findings.Select(f => ResultObject(f, ruleIndex[f.RuleId])).ToList(),
        };
        var log = new SarifLog
        {
            Version = SarifVersion.Current,
            SchemaUri = new Uri("https://json.schemastore.org/sarif-2.1.0.json"),
            Runs = new List<Run> { run },
        };

        string json = JsonConvert.SerializeObject(log, Formatting.None);
        return WriteBackOmittedProperties(json, rules);
    }

    private static ReportingDescriptor RuleObject(RuleDescriptor rule)
    {
        var descriptor = new ReportingDescriptor
        {
            Id = rule.Id,
            Name = rule.Name,
            ShortDescription = new MultiformatMessageString { Text = Sentence(rule.Title) },
            FullDescription = new MultiformatMessageString { Text = Sentence(rule.Description) },
            Help = new MultiformatMessageString
            {
                Text = Sentence(rule.Description) + " See " + rule.HelpUri,
                Markdown = RulePages.Markdown(rule.Id) ?? $"{rule.Description}\n\n[{rule.Id} documentation]({rule.HelpUri})",
            },
            HelpUri = new Uri(rule.HelpUri),
            DefaultConfiguration = new ReportingConfiguration { Level = ToFailureLevel(rule.DefaultLevel), Enabled = rule.EnabledByDefault },
        };
        descriptor.SetProperty("tags", rule.Tags.ToList());
        descriptor.SetProperty("precision", rule.Precision.ToSarifName());
        if (rule.Family != RuleFamily.Tool) descriptor.SetProperty("security-severity", rule.SecuritySeverityText);
        descriptor.SetProperty("problem.severity", rule.DefaultLevel == FindingLevel.Note ? "recommendation" : rule.DefaultLevel.ToSarifName());
        return descriptor;
    }

    private static Result ResultObject(Finding finding, int ruleIndex)
    {
        var result = new Result
        {
            RuleId = finding.RuleId,
            RuleIndex = ruleIndex,
            Level = ToFailureLevel(finding.Level),
            Kind = ResultKind.Fail,
            Message = new Message { Text = Sentence(finding.Message) },
            Locations = new List<Location> { LocationObject(finding.Location, null) },
            PartialFingerprints = new Dictionary<string, string> { [Fingerprints.Key] = finding.Fingerprint },
        };
        if (finding.RelatedLocations.Count > 0)
        {
            result.RelatedLocations = finding.RelatedLocations
                .Select((r, i) => { var location = LocationObject(r.Location, r.Message); location.Id = i + 1; return location; })
                .ToList();
        }
        return result;
    }

    private static Location LocationObject(SourceLocation location, string? message) => new()
    {
        PhysicalLocation = new PhysicalLocation
        {
            ArtifactLocation = new ArtifactLocation { Uri = new Uri(EscapePath(location.Path), UriKind.Relative), UriBaseId = SourceRoot },
            Region = new Region
            {
                StartLine = location.Start.Line + 1,
                StartColumn = location.Start.Character + 1,
                EndLine = location.End.Line + 1,
                EndColumn = location.End.Character + 1,
            },
        },
        Message = message is null ? null : new Message { Text = Sentence(message) },
    };

    private static string EscapePath(string path) =>
        string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static FailureLevel ToFailureLevel(FindingLevel level) => level switch
    {
        FindingLevel.Error => FailureLevel.Error,
        FindingLevel.Warning => FailureLevel.Warning,
        FindingLevel.Note => FailureLevel.Note,
        _ => FailureLevel.None,
    };

    /// <summary>SARIF asks messages to be sentences.</summary>
    private static string Sentence(string text)
    {
        text = text.Trim();
        return text.Length == 0 || text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal)
            ? text
            : text + ".";
    }

    /// <summary>
    /// Sarif.Sdk leaves out properties equal to their default (<c>level: warning</c>) and drops a rule's
    /// <c>shortDescription</c>; GitHub and our contract want them explicit, so they are written back. Property order
    /// stays as the SDK writes it.
    /// </summary>
    private static string WriteBackOmittedProperties(string json, IReadOnlyList<RuleDescriptor> descriptors)
    {
        var log = JObject.Parse(json);
        foreach (var run in log["runs"]!.Children<JObject>())
        {
            var rules = run.SelectTokens("tool.driver.rules[*]").OfType<JObject>().ToArray();
            for (int i = 0; i < rules.Length; i++)
            {
                var rule = rules[i];
                if (rule["shortDescription"] is null)
                    rule.Property("name")!.AddAfterSelf(new JProperty("shortDescription", new JObject(new JProperty("text", Sentence(descriptors[i].Title)))));
                if (rule["defaultConfiguration"] is not JObject config)
                    rule.Property("helpUri")!.AddAfterSelf(new JProperty("defaultConfiguration", config = new JObject()));
                if (config["level"] is null) config.AddFirst(new JProperty("level", descriptors[i].DefaultLevel.ToSarifName()));
            }
            if (run["results"] is JArray results)
            {
                foreach (var result in results.OfType<JObject>())
                {
                    if (result["level"] is null) result.Property("ruleIndex")!.AddAfterSelf(new JProperty("level", "warning"));
                }
            }
        }
        return log.ToString(Formatting.Indented) + "\n";
    }
}
