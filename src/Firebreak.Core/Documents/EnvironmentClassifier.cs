using System;
using System.Collections.Generic;

namespace Firebreak.Core.Documents;

/// <summary>The kind of environment a name stands for.</summary>
public enum EnvironmentClass
{
    None = 0,
    Production,
    Staging,
    Preview,
    Development,
    Test,
}

/// <summary>
/// The one place that decides what environment a name (a job, a GitHub environment, a Terraform folder, a secret's
/// name, a database host) stands for. It reads words, never substrings: <c>prod-db</c>, <c>PROD_TOKEN</c>, <c>dbProd</c>
/// and <c>eu-prd-1</c> are production; <c>product-api</c>, <c>producer</c> and <c>reproduce</c> are not; <c>preprod</c> and
/// <c>pre-prod</c> are staging. <c>live</c> is not a production word: Terraform repositories call every deployed
/// environment's folder <c>live/</c>. When words disagree, production wins: the cost of calling production staging is the
/// incident this tool exists for.
/// </summary>
public static class EnvironmentClassifier
{
    private static readonly Dictionary<string, EnvironmentClass> Words = new(StringComparer.Ordinal)
    {
        ["prod"] = EnvironmentClass.Production,
        ["production"] = EnvironmentClass.Production,
        ["prd"] = EnvironmentClass.Production,
        ["preprod"] = EnvironmentClass.Staging,
        ["preproduction"] = EnvironmentClass.Staging,
        ["staging"] = EnvironmentClass.Staging,
        ["stage"] = EnvironmentClass.Staging,
        ["stg"] = EnvironmentClass.Staging,
        ["uat"] = EnvironmentClass.Test,
        ["preview"] = EnvironmentClass.Preview,
        ["review"] = EnvironmentClass.Preview,
        ["ephemeral"] = EnvironmentClass.Preview,
        ["pr"] = EnvironmentClass.Preview,
        ["dev"] = EnvironmentClass.Development,
        ["develop"] = EnvironmentClass.Development,
        ["development"] = EnvironmentClass.Development,
        ["sandbox"] = EnvironmentClass.Development,
        ["local"] = EnvironmentClass.Development,
        ["qa"] = EnvironmentClass.Test,
        ["test"] = EnvironmentClass.Test,
        ["testing"] = EnvironmentClass.Test,
    };

    /// <summary>What the name stands for; <see cref="EnvironmentClass.None"/> when no word of it names an environment.</summary>
    public static EnvironmentClass Classify(string? name) =>
        string.IsNullOrEmpty(name) ? EnvironmentClass.None : Classify(name!, 0, name!.Length);

    /// <summary>What the text from <paramref name="from"/> to <paramref name="to"/> stands for, read in place (a command line in a script).</summary>
    public static bool IsProduction(string text, int from, int to) => Classify(text, from, to) == EnvironmentClass.Production;

    private static EnvironmentClass Classify(string name, int from, int to)
    {
        // The words of WordsOf, compared where they stand: a whole command line is classified too (`psql … -c '<8 MB>'`),
        // and a substring and its lower-case copy per word were hundreds of megabytes of garbage for it.
        var found = EnvironmentClass.None;
        int previousStart = -1, previousLength = 0;
        int position = from;
        while (NextWord(name, ref position, to, out int start, out int length))
        {
            var kind = IsWord(name, previousStart, previousLength, "pre") && (IsWord(name, start, length, "prod") || IsWord(name, start, length, "production"))
                ? EnvironmentClass.Staging
                : KindOf(name, start, length);
            if (kind == EnvironmentClass.Production) return kind;
            if (found == EnvironmentClass.None) found = kind;
            previousStart = start;
            previousLength = length;
        }
        return found;
    }

    /// <summary>
    /// The next word at or after <paramref name="position"/> before <paramref name="to"/>: a run of letters and digits,
    /// split between letters and digits and at camelCase humps. The one definition of a word, for both readers of it.
    /// </summary>
    private static bool NextWord(string name, ref int position, int to, out int start, out int length)
    {
        int i = position;
        while (i < to && !char.IsLetterOrDigit(name[i])) i++;
        start = i;
        if (i >= to)
        {
            length = 0;
            position = to;
            return false;
        }
        i++;
        while (i < to && char.IsLetterOrDigit(name[i])
               && char.IsDigit(name[i]) == char.IsDigit(name[i - 1]) && !(char.IsUpper(name[i]) && char.IsLower(name[i - 1])))
            i++;
        length = i - start;
        position = i;
        return true;
    }

    private static EnvironmentClass KindOf(string name, int start, int length)
    {
        if (length >= WordsByLength.Length) return EnvironmentClass.None;
        foreach (var (word, kind) in WordsByLength[length])
            if (IsWord(name, start, length, word)) return kind;
        return EnvironmentClass.None;
    }

    // The words by length: a word of a command line is compared with the two or three of its length, not all twenty.
    // Built with loops: LINQ's Select over another operator is a generic virtual call, which a native guard resolves
    // through its type loader on first use (milliseconds of a decision).
    private static readonly (string Word, EnvironmentClass Kind)[][] WordsByLength = GroupByLength();

    private static (string Word, EnvironmentClass Kind)[][] GroupByLength()
    {
        int longest = 0;
        foreach (var word in Words.Keys) longest = Math.Max(longest, word.Length);
        var lists = new List<(string, EnvironmentClass)>[longest + 1];
        for (int n = 0; n <= longest; n++) lists[n] = new List<(string, EnvironmentClass)>();
        foreach (var pair in Words) lists[pair.Key.Length].Add((pair.Key, pair.Value));
        var grouped = new (string Word, EnvironmentClass Kind)[longest + 1][];
        for (int n = 0; n <= longest; n++) grouped[n] = lists[n].ToArray();
        return grouped;
    }

    /// <summary>The word at <paramref name="start"/> lowered as <see cref="string.ToLowerInvariant()"/> lowers it is <paramref name="word"/>.</summary>
    private static bool IsWord(string name, int start, int length, string word)
    {
        if (start < 0 || length != word.Length) return false;
        for (int j = 0; j < length; j++)
            if (char.ToLowerInvariant(name[start + j]) != word[j]) return false;
        return true;
    }

    public static bool IsProduction(string? name) => Classify(name) == EnvironmentClass.Production;

    private static readonly HashSet<string> SampleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "quickstart", "quickstarts", "example", "examples", "sample", "samples", "demo", "demos", "tutorial", "tutorials", "playground",
    };

    /// <summary>
    /// A path (or module address) kept as a sample — a word of it is <c>quickstart</c>, <c>examples</c>, <c>samples</c>,
    /// <c>demo</c>, <c>tutorial</c> — or named for an environment that is not production (dev, test, qa, staging,
    /// preview), with no word of it saying production. Hardening rules (delete locks) do not ask such code for more.
    /// </summary>
    public static bool IsSampleOrNonProduction(string path)
    {
        string[] words = path.Split('/', '\\', '-', '_', '.', ' ', '+');
        foreach (var word in words) if (IsProduction(word)) return false;
        foreach (var word in words)
        {
            if (SampleWords.Contains(word)) return true;
            if (Classify(word) is EnvironmentClass.Development or EnvironmentClass.Test or EnvironmentClass.Preview or EnvironmentClass.Staging) return true;
        }
        return false;
    }

    /// <summary>Lower-case words: split at anything not a letter or digit, between letters and digits, and at camelCase humps.</summary>
    public static IEnumerable<string> WordsOf(string name)
    {
        int position = 0;
        while (NextWord(name, ref position, name.Length, out int start, out int length))
            yield return name.Substring(start, length).ToLowerInvariant();
    }
}
