using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Firebreak.Core.Analysis;
using Firebreak.Core.Tests.Infrastructure;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Meta;

/// <summary>
/// Every rule page's examples, broken in many small ways (truncated, a character dropped, a quote or bracket put in,
/// lines swapped, indentation lost), go through the whole engine: nothing may fail with an internal error. The seeds
/// cover every file kind a page shows; the random source is seeded, so a failure is reproducible.
/// </summary>
public sealed class MutationRobustnessTests
{
    private const int MutationsPerExample = 60;
    private static readonly string[] Inserts = { "\"", "'", "`", "{", "}", "[", "]", "(", ")", "${", "$(", "<<EOF\n", "\\", "\n", "\t", ":", "- ", "#", "\u0000", "\uFFFD", "\r" };

    public static IEnumerable<object[]> Pages() =>
        RulePage.Files().Select(f => new object[] { System.IO.Path.GetFileNameWithoutExtension(f) }).OrderBy(p => (string)p[0], StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Broken_versions_of_every_example_never_fail_the_engine(string id)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        // string.GetHashCode is randomized per process; a failure must reproduce, so the seed is the ID's digits.
        var random = new Random(int.Parse(id.Substring(2), System.Globalization.CultureInfo.InvariantCulture) ^ 20261129);
        var engine = new AnalysisEngine(new AnalysisOptions { Today = RuleHarness.Today, MaxDegreeOfParallelism = 1 });
        foreach (var (path, text) in page.Bad.Concat(page.Good))
        {
            var batch = new List<SourceFile>();
            for (int i = 0; i < MutationsPerExample; i++) batch.Add(new SourceFile($"m{i}/{path}", Mutate(text, random)));
            var result = engine.Analyze(batch);
            var failure = result.Findings.FirstOrDefault(f => f.Message.Contains("internal error", StringComparison.Ordinal));
            if (failure is null) continue;
            string input = batch.First(b => b.Path == failure.Location.Path).Text;
            Assert.Fail($"{failure}\ninput: {System.Text.Json.JsonSerializer.Serialize(input)}");
        }
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0) return text;
        var builder = new StringBuilder(text);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && builder.Length > 0; e++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0: builder.Length = at; break;                                   // truncate
                case 1: builder.Remove(at, Math.Min(1 + random.Next(3), builder.Length - at)); break;
                case 2: builder.Insert(at, Inserts[random.Next(Inserts.Length)]); break;
                case 3: builder.Insert(at, builder.ToString(at, Math.Min(40, builder.Length - at))); break; // duplicate a run
                case 4:
                    var lines = builder.ToString().Split('\n');
                    int a = random.Next(lines.Length), b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    builder.Clear().Append(string.Join("\n", lines));
                    break;
                default:
                    builder.Replace("  ", " ", at, Math.Min(20, builder.Length - at)); break; // indentation lost
            }
        }
        return builder.ToString();
    }
}
