using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Commands;

/// <summary>A command that runs another one (an entry of rules/catalogs/wrappers.yaml): where the command it runs starts.</summary>
public sealed class CommandWrapper
{
    internal CommandWrapper(string id, IReadOnlyList<string> programs, IReadOnlyList<string[]> path, string shortOptionsWithValue,
        string[] longOptionsWithValue, int operands, bool assignments, bool untilSeparator, IReadOnlyList<string> mustUnwrap, IReadOnlyList<string> mustNotUnwrap)
    {
        Id = id;
        Programs = programs;
        Path = path;
        ShortOptionsWithValue = shortOptionsWithValue;
        LongOptionsWithValue = longOptionsWithValue;
        Operands = operands;
        Assignments = assignments;
        UntilSeparator = untilSeparator;
        MustUnwrap = mustUnwrap;
        MustNotUnwrap = mustNotUnwrap;
    }

    public string Id { get; }
    public IReadOnlyList<string> Programs { get; }

    /// <summary>Subcommand words right after the program, each with its alternatives.</summary>
    public IReadOnlyList<string[]> Path { get; }

    public string ShortOptionsWithValue { get; }
    public string[] LongOptionsWithValue { get; }

    /// <summary>Positional words between the options and the command (<c>timeout 30 cmd</c>: 1).</summary>
    public int Operands { get; }

    /// <summary><c>NAME=value</c> words before the command are assignments for it (<c>sudo PGHOST=db dropdb x</c>).</summary>
    public bool Assignments { get; }

    /// <summary>The command is what follows the first standalone <c>--</c>; without one the wrapper runs nothing.</summary>
    public bool UntilSeparator { get; }

    /// <summary>Self-tests: <c>wrapper command =&gt; the command it runs</c>.</summary>
    public IReadOnlyList<string> MustUnwrap { get; }

    /// <summary>Self-tests: commands of this program that run no other command.</summary>
    public IReadOnlyList<string> MustNotUnwrap { get; }

    /// <summary>The path matches the words after the program.</summary>
    internal bool PathMatches(IReadOnlyList<CommandWord> args)
    {
        if (args.Count <= Path.Count) return Path.Count == 0;
        for (int i = 0; i < Path.Count; i++)
            if (args[i + 1].Value is not { } word || Array.IndexOf(Path[i], word) < 0) return false;
        return true;
    }

    /// <summary>
    /// The index of the first word of the command it runs (after options, <c>--</c> and operands), at or past the end
    /// of <paramref name="args"/> when it runs none, or -1 when <see cref="UntilSeparator"/> finds no <c>--</c>.
    /// </summary>
    internal int InnerStart(IReadOnlyList<CommandWord> args)
    {
        int i = CommandExtractor.SkipOptions(args, 1 + Path.Count, ShortOptionsWithValue, LongOptionsWithValue);
        if (UntilSeparator)
        {
            for (int k = 1 + Path.Count; k < args.Count; k++)
                if (args[k].Value == "--") return k + 1;
            return -1;
        }
        i += Operands;
        if (i < args.Count && args[i].Value == "--" && Operands > 0) i++;
        return i;
    }
}

/// <summary>
/// rules/catalogs/wrappers.yaml, plus the <c>wrappers:</c> sections of a user's catalogues (first, so they win): the
/// commands that run another command, as data. The command extractor asks it for every command its own code does not
/// read; a program no entry names costs one dictionary lookup.
/// </summary>
public sealed class WrapperCatalog
{
    private const string ResourceName = "catalogs/wrappers.yaml";
    private static readonly Lazy<WrapperCatalog> s_default = new(() => Parse(EmbeddedCatalog.Text(ResourceName)));

    private readonly Dictionary<string, List<CommandWrapper>> _byProgram = new(StringComparer.Ordinal);

    private WrapperCatalog(IReadOnlyList<CommandWrapper> wrappers)
    {
        Wrappers = wrappers;
        foreach (var wrapper in wrappers)
            foreach (var program in wrapper.Programs)
            {
                if (!_byProgram.TryGetValue(program, out var list)) _byProgram[program] = list = new List<CommandWrapper>();
                list.Add(wrapper);
            }
    }

    public static WrapperCatalog Default => s_default.Value;

    public IReadOnlyList<CommandWrapper> Wrappers { get; }

    /// <summary>A catalogue with <paramref name="yaml"/>'s <c>wrappers:</c> entries ahead of this one's.</summary>
    public WrapperCatalog WithEntries(string yaml, string sourceName) => new(Parse(yaml, sourceName).Wrappers.Concat(Wrappers).ToArray());

    /// <summary>The first entry for this program whose path matches, or null.</summary>
    internal CommandWrapper? Find(string program, IReadOnlyList<CommandWord> args)
    {
        if (!_byProgram.TryGetValue(program, out var candidates)) return null;
        foreach (var wrapper in candidates)
            if (wrapper.PathMatches(args)) return wrapper;
        return null;
    }

    public static WrapperCatalog Parse(string yaml, string sourceName = "wrappers.yaml") =>
        CatalogYaml.Read(yaml, sourceName, document => Parse(document, sourceName));

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "id", "program", "path", "short_options_with_value", "long_options_with_value", "operands", "assignments", "until_separator",
        "must_unwrap", "must_not_unwrap",
    };

    private static WrapperCatalog Parse(YamlNode? document, string sourceName)
    {
        var wrappers = new List<CommandWrapper>();
        foreach (var (entry, where, id) in CatalogYaml.Entries(document, "wrappers", sourceName, KnownKeys))
        {
            var programs = CatalogYaml.Strings(entry, "program");
            if (programs.Count == 0) throw new FormatException($"{where}: 'program' is required");
            var path = CatalogYaml.Strings(entry, "path").SelectMany(p => p.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)).Select(w => w.Split('|')).ToArray();
            int operands = CatalogYaml.Scalar(entry, "operands") is { } text
                ? (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n <= 8 ? n : throw new FormatException($"{where}: 'operands' must be a whole number from 0 to 8"))
                : 0;
            var mustUnwrap = CatalogYaml.Strings(entry, "must_unwrap");
            if (mustUnwrap.Count == 0) throw new FormatException($"{where}: every entry needs must_unwrap examples ('command => the command it runs')");
            if (mustUnwrap.Any(e => e.IndexOf(" => ", StringComparison.Ordinal) < 0)) throw new FormatException($"{where}: a must_unwrap example is 'command => the command it runs'");
            wrappers.Add(new CommandWrapper(id, programs, path, CatalogYaml.Scalar(entry, "short_options_with_value") ?? string.Empty,
                CatalogYaml.Strings(entry, "long_options_with_value").ToArray(), operands, CatalogYaml.Bool(entry, "assignments", false, where), CatalogYaml.Bool(entry, "until_separator", false, where),
                mustUnwrap, CatalogYaml.Strings(entry, "must_not_unwrap")));
        }
        return new WrapperCatalog(wrappers);
    }
}
