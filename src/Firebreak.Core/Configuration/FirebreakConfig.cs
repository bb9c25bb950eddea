using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Rules;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Configuration;

/// <summary>
/// <c>firebreak.yml</c>: rule levels, excluded globs, the file-size cap and extra catalogs. Parsing is strict — an
/// unknown key, rule or level is a <see cref="FirebreakConfigException"/> with one line that says where and what.
/// </summary>
public sealed class FirebreakConfig
{
    public static readonly string[] FileNames = { "firebreak.yml", "firebreak.yaml", ".firebreak.yml", ".firebreak.yaml" };

    public const long DefaultMaxFileSize = 8L * 1024 * 1024;

    public static FirebreakConfig Empty { get; } = new(new Dictionary<string, FindingLevel>(StringComparer.OrdinalIgnoreCase), Array.Empty<string>(), DefaultMaxFileSize, Array.Empty<string>());

    private FirebreakConfig(IReadOnlyDictionary<string, FindingLevel> ruleLevels, IReadOnlyList<string> exclude, long maxFileSize, IReadOnlyList<string> catalogs)
    {
        RuleLevels = ruleLevels;
        Exclude = exclude;
        MaxFileSize = maxFileSize;
        Catalogs = catalogs;
    }

    public IReadOnlyDictionary<string, FindingLevel> RuleLevels { get; }

    /// <summary>Gitignore-style globs, relative to the scan root.</summary>
    public IReadOnlyList<string> Exclude { get; }
    public long MaxFileSize { get; }

    /// <summary>Extra catalog files (paths relative to the config), merged with the built-in ones.</summary>
    public IReadOnlyList<string> Catalogs { get; }

    /// <summary>The <c>guard:</c> section: what `firebreak guard` allows, denies, logs, and whether it may ask.</summary>
    public GuardSettings Guard { get; private set; } = GuardSettings.Default;

    public static FirebreakConfig Parse(string path, string text)
    {
        var yaml = YamlParser.Parse(text);
        if (yaml.Diagnostics.Count > 0)
        {
            var at = new Text.SourceText(path, text).GetPosition(yaml.Diagnostics[0].Span.Start);
            throw new FirebreakConfigException($"{path}:{at}: {yaml.Diagnostics[0].Message}");
        }
        var root = yaml.Documents.Count == 0 ? null : yaml.Documents[0].Root;
        if (root is null || root is YamlScalar { IsNull: true }) return Empty;
        if (root is not YamlMapping mapping) throw Error(path, text, root, "the configuration must be a mapping (rules:, exclude:, max-file-size:, catalogs:)");

        var levels = new Dictionary<string, FindingLevel>(StringComparer.OrdinalIgnoreCase);
        var exclude = new List<string>();
        var catalogs = new List<string>();
        long maxFileSize = DefaultMaxFileSize;
        var guard = GuardSettings.Default;
        foreach (var pair in mapping.Pairs)
        {
            switch (pair.KeyText)
            {
                case "rules":
                    ReadRules(path, text, pair.Value.Resolve(), levels);
                    break;
                case "disable":
                    foreach (var id in ReadStrings(path, text, pair.Value.Resolve(), "disable"))
                        levels[KnownRule(path, text, pair.Value, id)] = FindingLevel.None;
                    break;
                case "exclude":
                    exclude.AddRange(ReadStrings(path, text, pair.Value.Resolve(), "exclude"));
                    break;
                case "catalogs":
                    catalogs.AddRange(ReadStrings(path, text, pair.Value.Resolve(), "catalogs"));
                    break;
                case "guard":
                    guard = ReadGuard(path, text, pair.Value.Resolve());
                    break;
                case "max-file-size":
                    maxFileSize = ReadSize(path, text, pair.Value.Resolve());
                    break;
                default:
                    throw Error(path, text, pair.Key, $"unknown key '{pair.KeyText}' (expected rules, disable, exclude, max-file-size, catalogs, guard)");
            }
        }
        return new FirebreakConfig(levels, exclude, maxFileSize, catalogs) { Guard = guard };
    }

    private static GuardSettings ReadGuard(string path, string text, YamlNode node)
    {
        if (node is YamlScalar { IsNull: true }) return GuardSettings.Default;
        if (node is not YamlMapping map) throw Error(path, text, node, "'guard' must be a mapping (allow:, deny:, ask-as-deny:, log:)");
        var settings = GuardSettings.Default;
        foreach (var pair in map.Pairs)
        {
            var value = pair.Value.Resolve();
            switch (pair.KeyText)
            {
                case "allow":
                    settings = settings with { Allow = ReadStrings(path, text, value, "guard.allow").Select(p => p.Trim()).Where(p => p.Length > 0).ToArray() };
                    break;
                case "deny":
                    settings = settings with { Deny = ReadStrings(path, text, value, "guard.deny").Select(p => p.Trim()).Where(p => p.Length > 0).ToArray() };
                    break;
                case "ask-as-deny":
                    settings = settings with { AskAsDeny = (value as YamlScalar)?.Value switch
                    {
                        "true" or "yes" or "on" => true,
                        "false" or "no" or "off" => false,
                        var other => throw Error(path, text, value, $"'guard.ask-as-deny' is true or false, not '{other}'"),
                    } };
                    break;
                case "log":
                    settings = settings with { Log = (value as YamlScalar)?.Value is { Length: > 0 } log ? log : throw Error(path, text, value, "'guard.log' is a file path") };
                    break;
                default:
                    throw Error(path, text, pair.Key, $"unknown key 'guard.{pair.KeyText}' (expected allow, deny, ask-as-deny, log)");
            }
        }
        return settings;
    }

    private static void ReadRules(string path, string text, YamlNode node, Dictionary<string, FindingLevel> levels)
    {
        if (node is YamlScalar { IsNull: true }) return;
        if (node is not YamlMapping rules) throw Error(path, text, node, "'rules' must map rule IDs to levels, e.g. FB2001: error");
        foreach (var rule in rules.Pairs)
        {
            string id = KnownRule(path, text, rule.Key, rule.KeyText ?? string.Empty);
            var value = rule.Value.Resolve();
            string? levelText = value switch
            {
                YamlScalar scalar => scalar.Value,
                YamlMapping options => options.ScalarValue("level"),
                _ => null,
            };
            if (!FindingLevels.TryParse(levelText, out var level))
                throw Error(path, text, value, $"'{levelText}' is not a level for {id} (use error, warning, note or off)");
            levels[id] = level;
        }
    }

    private static string KnownRule(string path, string text, YamlNode at, string id)
    {
        var rule = RuleCatalog.Find(id.Trim());
        if (rule is null) throw Error(path, text, at, $"'{id}' is not a Firebreak rule ID (see `firebreak rules`)");
        return rule.Id;
    }

    private static IEnumerable<string> ReadStrings(string path, string text, YamlNode node, string key)
    {
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                yield break;
            case YamlScalar scalar:
                yield return scalar.Value;
                yield break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item.Resolve() is YamlScalar value) yield return value.Value;
                    else throw Error(path, text, item, $"'{key}' must be a list of strings");
                }
                yield break;
            default:
                throw Error(path, text, node, $"'{key}' must be a list of strings");
        }
    }

    private static long ReadSize(string path, string text, YamlNode node)
    {
        string raw = (node as YamlScalar)?.Value.Trim() ?? string.Empty;
        long multiplier = 1;
        string digits = raw;
        foreach (var (suffix, factor) in new[] { ("KB", 1024L), ("K", 1024L), ("MB", 1024L * 1024), ("M", 1024L * 1024), ("GB", 1024L * 1024 * 1024), ("B", 1L) })
        {
            if (raw.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                multiplier = factor;
                digits = raw.Substring(0, raw.Length - suffix.Length).Trim();
                break;
            }
        }
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value <= 0)
            throw Error(path, text, node, $"'{raw}' is not a size (e.g. 8MB, 512KB)");
        return value * multiplier;
    }

    private static FirebreakConfigException Error(string path, string text, YamlNode at, string message)
    {
        var position = new Text.SourceText(path, text).GetPosition(at.Span.Start);
        return new FirebreakConfigException($"{path}:{position}: {message}");
    }
}

/// <summary>
/// `firebreak guard` options: command prefixes (whole words) always allowed or always denied, whether an `ask` is sent as
/// a `deny` (for agents or run modes that cannot ask), and a decision log (JSON lines) for audit.
/// </summary>
public sealed record GuardSettings
{
    public static GuardSettings Default { get; } = new();

    public IReadOnlyList<string> Allow { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Deny { get; init; } = Array.Empty<string>();
    public bool AskAsDeny { get; init; }

    /// <summary>The decision log's path, relative to the configuration's folder; null for none.</summary>
    public string? Log { get; init; }
}

/// <summary>A configuration the user must fix; the message is one line with its position.</summary>
public sealed class FirebreakConfigException : Exception
{
    public FirebreakConfigException(string message) : base(message)
    {
    }
}
