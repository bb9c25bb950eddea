using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Tests.Infrastructure;

namespace Firebreak.Core.Tests.Meta;

/// <summary>A rule page (rules/FBnnnn.md) and the examples its Bad and Good sections carry.</summary>
public sealed class RulePage
{
    private static readonly Regex Heading = new(@"^# (FB\d{4}): (.+)$", RegexOptions.Multiline);
    private static readonly Regex Fence = new(@"^```(\w+)(?: +path=(\S+))?[^\n]*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    private RulePage(string id, string title, IReadOnlyList<(string Path, string Text)> bad, IReadOnlyList<(string Path, string Text)> good)
    {
        Id = id;
        Title = title;
        Bad = bad;
        Good = good;
    }

    public string Id { get; }
    public string Title { get; }
    public IReadOnlyList<(string Path, string Text)> Bad { get; }
    public IReadOnlyList<(string Path, string Text)> Good { get; }

    public static IEnumerable<string> Files() => Directory.EnumerateFiles(Repository.PathOf("rules"), "FB*.md");

    public static RulePage Load(string file)
    {
        string text = File.ReadAllText(file).Replace("\r\n", "\n");
        var heading = Heading.Match(text);
        if (!heading.Success) throw new InvalidDataException($"{file}: the first heading must be '# FBnnnn: Title'");
        return new RulePage(heading.Groups[1].Value, heading.Groups[2].Value.Trim(), Examples(text, "Bad"), Examples(text, "Good"));
    }

    private static IReadOnlyList<(string, string)> Examples(string text, string section)
    {
        int start = text.IndexOf("\n## " + section + "\n", StringComparison.Ordinal);
        if (start < 0) return Array.Empty<(string, string)>();
        int end = text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        string body = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
        var examples = new List<(string, string)>();
        foreach (Match fence in Fence.Matches(body))
        {
            if (fence.Groups[2].Success) examples.Add((fence.Groups[2].Value, fence.Groups[3].Value));
        }
        return examples;
    }
}
