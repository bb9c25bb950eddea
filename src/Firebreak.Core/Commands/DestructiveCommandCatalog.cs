using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

using Firebreak.Core.Text;
namespace Firebreak.Core.Commands;

/// <summary>
/// The destructive-command signatures (rules/catalogs/commands.yaml, embedded), indexed by program name so that a
/// command costs one dictionary lookup before any flag is looked at. Users add entries through extra catalogs.
/// </summary>
public sealed class DestructiveCommandCatalog
{
    public const string ResourceName = "catalogs/commands.yaml";

    private static readonly Lazy<DestructiveCommandCatalog> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, DestructiveCommandSignature[]> _byProgram;
    private readonly IReadOnlyList<DestructiveCommandSignature>? _signatures;

    // The built-in catalogue is read entry by entry, when a command first names the entry's program: a guard decision
    // on `ls` reads none of it. The index is the entries' text and their `program:` lists, from one pass over the lines.
    private readonly EntryIndex? _index;

    private DestructiveCommandCatalog(IReadOnlyList<DestructiveCommandSignature> signatures)
    {
        _signatures = signatures;
        _byProgram = signatures
            .SelectMany(s => s.Programs.Select(p => (Program: p, Signature: s)))
            .GroupBy(x => x.Program, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Signature).ToArray(), StringComparer.Ordinal);
    }

    private DestructiveCommandCatalog(EntryIndex index)
    {
        _index = index;
        _byProgram = new Dictionary<string, DestructiveCommandSignature[]>(StringComparer.Ordinal);
    }

    public static DestructiveCommandCatalog Default => s_default.Value;

    public IReadOnlyList<DestructiveCommandSignature> Signatures => _signatures ?? _index!.All();

    /// <summary>The built-in catalogue plus user catalogues (their text; <paramref name="extra"/> pairs are (name, yaml)).</summary>
    public static DestructiveCommandCatalog WithExtra(IEnumerable<(string Name, string Yaml)> extra)
    {
        var all = new List<DestructiveCommandSignature>(Default.Signatures);
        foreach (var (name, yaml) in extra) all.AddRange(Read(yaml, name));
        return new DestructiveCommandCatalog(all);
    }

    public static DestructiveCommandCatalog Parse(string yaml, string sourceName = "commands.yaml") => new(Read(yaml, sourceName));

    /// <summary>The signatures for a program name; empty for almost every command, which is the point.</summary>
    public IReadOnlyList<DestructiveCommandSignature> ForProgram(string? name)
    {
        if (name is null) return Array.Empty<DestructiveCommandSignature>();
        if (_index is null) return _byProgram.TryGetValue(name, out var list) ? list : Array.Empty<DestructiveCommandSignature>();
        lock (_byProgram)
        {
            if (!_byProgram.TryGetValue(name, out var found)) _byProgram[name] = found = _index.ForProgram(name);
            return found;
        }
    }

    private static DestructiveCommandCatalog LoadEmbedded()
    {
        // The built-in patterns are checked by the tests; they are built when a command first needs them, so a guard
        // decision does not pay for a hundred regexes it never runs.
        string text = EmbeddedCatalog.Text(ResourceName);
        return EntryIndex.TryBuild(text) is { } index
            ? new DestructiveCommandCatalog(index)
            : new DestructiveCommandCatalog(Read(text, "commands.yaml", deferPatterns: true));
    }

    /// <summary>
    /// The built-in catalogue's entries as text (each a `  - id:` item of the top-level list) with the programs each
    /// names, read from its one-line `program:` list. An entry is parsed when first needed, once.
    /// </summary>
    private sealed class EntryIndex
    {
        private readonly string _text;
        private readonly List<(int Start, int End)> _entries = new();
        private readonly Dictionary<string, List<int>> _byProgram = new(StringComparer.Ordinal);
        private readonly DestructiveCommandSignature?[] _parsed;
        private IReadOnlyList<DestructiveCommandSignature>? _all;

        private EntryIndex(string text, List<(int, int)> entries, Dictionary<string, List<int>> byProgram)
        {
            _text = text;
            _entries = entries;
            _byProgram = byProgram;
            _parsed = new DestructiveCommandSignature?[entries.Count];
        }

        /// <summary>Null when the text is not laid out as expected; the caller then reads it whole.</summary>
        public static EntryIndex? TryBuild(string text)
        {
            var entries = new List<(int, int)>();
            var byProgram = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            int entryStart = -1;
            bool hasProgram = false;
            int pos = 0;
            while (pos < text.Length)
            {
                int end = text.IndexOf('\n', pos);
                if (end < 0) end = text.Length;
                if (string.CompareOrdinal(text, pos, "  - ", 0, 4) == 0)
                {
                    if (entryStart >= 0)
                    {
                        if (!hasProgram) return null;
                        entries.Add((entryStart, pos));
                    }
                    entryStart = pos;
                    hasProgram = false;
                }
                else if (entryStart >= 0 && string.CompareOrdinal(text, pos, "    program:", 0, 12) == 0)
                {
                    if (hasProgram || ProgramsOf(text.Substring(pos + 4, end - pos - 4)) is not { } programs) return null;
                    foreach (var program in programs)
                    {
                        if (!byProgram.TryGetValue(program, out var list)) byProgram[program] = list = new List<int>();
                        list.Add(entries.Count);
                    }
                    hasProgram = true;
                }
                else if (entryStart >= 0 && end > pos && text[pos] != ' ' && text[pos] != '#' && text[pos] != '\r')
                {
                    return null; // a second top-level key: not the layout this index knows
                }
                pos = end + 1;
            }
            if (entryStart < 0 || !hasProgram) return null;
            entries.Add((entryStart, text.Length));
            return new EntryIndex(text, entries, byProgram);
        }

        private static IReadOnlyList<string>? ProgramsOf(string line) => SimpleProgramList(line) ?? ProgramsOfYaml(line);

        /// <summary>
        /// `program: ['a', 'b']` (or plain items) of names that need no YAML escaping: read directly, without building a
        /// YAML tree per entry. Anything else returns null and is read as YAML.
        /// </summary>
        internal static IReadOnlyList<string>? SimpleProgramList(string line)
        {
            const string key = "program: [";
            if (!line.StartsWith(key, StringComparison.Ordinal) || line[line.Length - 1] != ']') return null;
            var names = new List<string>(2);
            int i = key.Length, end = line.Length - 1;
            while (true)
            {
                bool quoted = i < end && line[i] == '\'';
                int start = quoted ? i + 1 : i, j = start;
                while (j < end && IsNameChar(line[j])) j++;
                if (j == start) return null;
                if (quoted)
                {
                    if (j >= end || line[j] != '\'') return null;
                    names.Add(line.Substring(start, j - start));
                    j++;
                }
                else
                {
                    names.Add(line.Substring(start, j - start));
                }
                if (j == end) return names;
                if (line[j] != ',' || j + 1 >= end || line[j + 1] != ' ') return null;
                i = j + 2;
            }
        }

        private static bool IsNameChar(char c) =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '+' or '-';

        private static IReadOnlyList<string>? ProgramsOfYaml(string line)
        {
            if (!Catalogs.CatalogYaml.TryParse(line, out var root) || root is not YamlMappingNode map
                || !map.Children.TryGetValue(new YamlScalarNode("program"), out var value)) return null;
            if (value is YamlScalarNode { Value: { Length: > 0 } single }) return new[] { single };
            if (value is not YamlSequenceNode sequence) return null;
            var names = new List<string>();
            foreach (var item in sequence)
            {
                if (item is not YamlScalarNode { Value: { Length: > 0 } name }) return null;
                names.Add(name);
            }
            return names;
        }

        public DestructiveCommandSignature[] ForProgram(string program)
        {
            if (!_byProgram.TryGetValue(program, out var entries)) return Array.Empty<DestructiveCommandSignature>();
            var found = new DestructiveCommandSignature[entries.Count];
            for (int i = 0; i < entries.Count; i++) found[i] = Entry(entries[i]);
            return found;
        }

        public IReadOnlyList<DestructiveCommandSignature> All()
        {
            if (_all is { } all) return all;
            lock (_parsed)
            {
                var list = new List<DestructiveCommandSignature>(_entries.Count);
                for (int i = 0; i < _entries.Count; i++) list.Add(Entry(i));
                return _all = list;
            }
        }

        private DestructiveCommandSignature Entry(int i)
        {
            lock (_parsed)
            {
                if (_parsed[i] is { } done) return done;
                var (start, end) = _entries[i];
                var read = Read("commands:\n" + _text.Substring(start, end - start), "commands.yaml", deferPatterns: true);
                if (read.Count != 1) throw new InvalidOperationException($"commands.yaml: entry {i} read as {read.Count} signatures");
                return _parsed[i] = read[0];
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------

    private static List<DestructiveCommandSignature> Read(string yaml, string sourceName, bool deferPatterns = false) =>
        CatalogYaml.Read(yaml, sourceName, document => Read(document, sourceName, deferPatterns));

    private static List<DestructiveCommandSignature> Read(YamlNode? document, string sourceName, bool deferPatterns)
    {
        var result = new List<DestructiveCommandSignature>();
        if (document is null) return result;
        if (document is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("commands"), out var list)
            || list is not YamlSequenceNode entries)
            throw new FormatException($"{sourceName}: expected a top-level 'commands:' list");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in entries)
        {
            if (node is not YamlMappingNode entry) throw new FormatException($"{sourceName}:{node.Start.Line}: an entry must be a mapping");
            var signature = ReadSignature(entry, sourceName, deferPatterns);
            if (!ids.Add(signature.Id)) throw new FormatException($"{sourceName}:{node.Start.Line}: duplicate id '{signature.Id}'");
            result.Add(signature);
        }
        return result;
    }

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "id", "program", "path", "destroys", "requires_any", "arg_pattern", "arg_first", "stdin_pattern", "target", "backups_die",
        "keeps_backups", "kills_backups", "prompts", "skip_confirmation", "skip_safety", "neutralize", "environment_options",
        "options_with_value", "split_short_flags", "report", "must_match", "must_not_match", "platform",
    };

    private static DestructiveCommandSignature ReadSignature(YamlMappingNode entry, string sourceName, bool deferPatterns)
    {
        string where = $"{sourceName}:{entry.Start.Line}";
        string id = CatalogYaml.Required(entry, "id", where);
        where += $" ({id})";
        foreach (var key in entry.Children.Keys)
            if (key is YamlScalarNode k && !KnownKeys.Contains(k.Value ?? ""))
                throw new FormatException($"{where}: unknown key '{k.Value}'");
        var programs = CatalogYaml.Strings(entry, "program");
        if (programs.Count == 0) throw new FormatException($"{where}: missing 'program'");
        var paths = CatalogYaml.Strings(entry, "path")
            .Select(p => (IReadOnlyList<string[]>)p.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Split('|')).ToArray())
            .ToArray();
        var signature = new DestructiveCommandSignature(id, programs, paths, CatalogYaml.Required(entry, "destroys", where))
        {
            RequiresAny = CatalogYaml.Strings(entry, "requires_any"),
            ArgumentPatternSource = Pattern(entry, "arg_pattern", where, deferPatterns),
            ArgumentFirst = CatalogYaml.Bool(entry, "arg_first", false, where),
            InputPatternSource = Pattern(entry, "stdin_pattern", where, deferPatterns),
            Target = CatalogYaml.Scalar(entry, "target") switch
            {
                null or "any" => DestructiveTarget.Any,
                "dangerous-path" => DestructiveTarget.DangerousPath,
                var other => throw new FormatException($"{where}: unknown target '{other}'"),
            },
            BackupsDie = CatalogYaml.Bool(entry, "backups_die", false, where),
            KeepsBackups = CatalogYaml.Strings(entry, "keeps_backups"),
            KillsBackups = CatalogYaml.Strings(entry, "kills_backups"),
            Prompts = CatalogYaml.Bool(entry, "prompts", true, where),
            SkipConfirmation = CatalogYaml.Strings(entry, "skip_confirmation"),
            SkipSafety = CatalogYaml.Strings(entry, "skip_safety"),
            Neutralize = CatalogYaml.Strings(entry, "neutralize"),
            EnvironmentOptions = CatalogYaml.Strings(entry, "environment_options"),
            OptionsWithValue = CatalogYaml.Strings(entry, "options_with_value"),
            SplitShortFlags = CatalogYaml.Bool(entry, "split_short_flags", false, where),
            Report = CatalogYaml.Scalar(entry, "report") ?? "auto",
            Platform = CatalogYaml.Scalar(entry, "platform") is { Length: > 0 } platform ? platform : null,
            MustMatch = CatalogYaml.Strings(entry, "must_match"),
            MustNotMatch = CatalogYaml.Strings(entry, "must_not_match"),
        };
        if (signature.Report is not ("auto" or "flag" or "arg" or "path")) throw new FormatException($"{where}: report must be auto, flag, arg or path");
        if (signature.MustMatch.Count == 0) throw new FormatException($"{where}: every entry needs must_match examples");
        return signature;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Regex>> DeferredPatterns = new(StringComparer.Ordinal);

    private static Lazy<Regex>? Pattern(YamlMappingNode map, string key, string where, bool defer)
    {
        var text = CatalogYaml.Scalar(map, key);
        if (text == null) return null;
        // The built-in catalogue's patterns, deferred, are built once per text: entries share some (a client's argument
        // and its stdin), and a linear-time regex costs a megabyte or two of tables to build.
        if (defer) return DeferredPatterns.GetOrAdd(text, t => new Lazy<Regex>(() => Pattern(t, key, where), LazyThreadSafetyMode.ExecutionAndPublication));
        var regex = Pattern(text, key, where);
        return new Lazy<Regex>(() => regex);
    }

    private static Regex Pattern(string text, string key, string where)
    {
        try
        {
            // Catalogues can come from the scanned repository, so their patterns run in linear time: a pattern that
            // needs backtracking (a back-reference, a look-around) is refused, never run under a timeout whose expiry
            // would make findings depend on the machine's load. Only a runtime without the linear engine (the analyzer
            // in a .NET Framework host) falls back to bounded backtracking.
            if (LinearRegex.TryCreate(text) is { } linear) return linear;
            if (LinearRegex.IsAvailable)
            {
                _ = new Regex(text); // an invalid pattern says why, below
                throw new FormatException($"{where}: {key} needs backtracking (a back-reference, a look-around or an atomic group); catalogue patterns must run in linear time");
            }
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{where}: invalid {key}: {e.Message}", e);
        }
    }
}
