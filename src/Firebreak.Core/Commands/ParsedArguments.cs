using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>
/// How one program spells its options. Combined short flags (<c>-rf</c> = <c>-r -f</c>) are split only when asked:
/// that reading is wrong for programs such as <c>find -name</c> or <c>terraform -auto-approve</c>.
/// </summary>
public sealed class CommandOptionSyntax
{
    public static CommandOptionSyntax Default { get; } = new(false, Array.Empty<string>());

    public CommandOptionSyntax(bool splitCombinedShortFlags, IEnumerable<string> optionsWithValue)
    {
        SplitCombinedShortFlags = splitCombinedShortFlags;
        OptionsWithValue = new HashSet<string>(optionsWithValue, StringComparer.Ordinal);
    }

    /// <summary>Read <c>-rf</c> as <c>-r -f</c>, and <c>-fvalue</c> as <c>-f value</c> when <c>-f</c> takes a value.</summary>
    public bool SplitCombinedShortFlags { get; }

    /// <summary>Options (with dashes: <c>-f</c>, <c>--file</c>) whose value may be the next argument.</summary>
    public ISet<string> OptionsWithValue { get; }

    /// <summary>POSIX-style short flags, split.</summary>
    public static CommandOptionSyntax ShortFlags(params string[] optionsWithValue) => new(true, optionsWithValue);

    /// <summary>Nothing split; the listed options take the next argument as their value.</summary>
    public static CommandOptionSyntax WithValues(params string[] optionsWithValue) => new(false, optionsWithValue);
}

/// <summary>One option as written: <c>--force</c>, the <c>r</c> of <c>-rf</c>, <c>--name=x</c>, <c>-n x</c>.</summary>
public sealed class CommandOption
{
    internal CommandOption(string name, TextSpan nameSpan, CommandWord word, string? value, TextSpan? valueSpan, CommandWord? valueWord)
    {
        Name = name;
        NameSpan = nameSpan;
        Word = word;
        Value = value;
        ValueSpan = valueSpan;
        ValueWord = valueWord;
    }

    /// <summary>With its dashes: <c>-r</c>, <c>--force</c>.</summary>
    public string Name { get; }

    /// <summary>The option in the original text (one letter for a split short flag).</summary>
    public TextSpan NameSpan { get; }

    /// <summary>The argument that holds the option.</summary>
    public CommandWord Word { get; }

    /// <summary>The value (<c>--name=value</c>, <c>-n value</c>), or null; null too when the value is dynamic.</summary>
    public string? Value { get; }
    public TextSpan? ValueSpan { get; }

    /// <summary>The separate argument holding the value, when it is one (<c>-n value</c>).</summary>
    public CommandWord? ValueWord { get; }

    public bool HasValue => ValueSpan != null;
}

/// <summary>A command's arguments sorted into options and positionals, for catalogue matching.</summary>
public sealed class ParsedArguments
{
    private ParsedArguments(IReadOnlyList<CommandOption> options, IReadOnlyList<CommandWord> positionals)
    {
        Options = options;
        Positionals = positionals;
    }

    public IReadOnlyList<CommandOption> Options { get; }

    /// <summary>Arguments that are not options, in order (subcommands first). Dynamic words are positionals.</summary>
    public IReadOnlyList<CommandWord> Positionals { get; }

    public static ParsedArguments Parse(IReadOnlyList<CommandWord> arguments, int start, CommandOptionSyntax syntax)
    {
        var options = new List<CommandOption>();
        var positionals = new List<CommandWord>();
        bool onlyPositionals = false;
        for (int i = start; i < arguments.Count; i++)
        {
            var word = arguments[i];
            var v = word.Value;
            if (v == null && !onlyPositionals)
            {
                // --name=$VALUE: an option whose value is dynamic
                var prefix = word.LiteralPrefix;
                int equals = prefix.IndexOf('=');
                if (prefix.Length > 1 && prefix[0] == '-' && equals > 1)
                {
                    var nameSpan = word.MapValueSpan(0, equals);
                    var equalsSpan = word.MapValueSpan(equals, 1);
                    options.Add(new CommandOption(prefix.Substring(0, equals), nameSpan, word, null,
                        TextSpan.FromBounds(Math.Min(equalsSpan.End, word.Span.End), word.Span.End), null));
                    continue;
                }
            }
            if (onlyPositionals || v == null || v.Length < 2 || v[0] != '-')
            {
                positionals.Add(word);
                continue;
            }
            if (v == "--")
            {
                onlyPositionals = true;
                continue;
            }
            int eq = v.IndexOf('=');
            bool isLong = v[1] == '-';
            if (eq > 1)
            {
                string name = v.Substring(0, eq);
                options.Add(new CommandOption(name, word.MapValueSpan(0, eq), word, v.Substring(eq + 1), word.MapValueSpan(eq + 1, v.Length - eq - 1), null));
                continue;
            }
            if (!isLong && syntax.SplitCombinedShortFlags && v.Length > 2 && !syntax.OptionsWithValue.Contains(v))
            {
                for (int k = 1; k < v.Length; k++)
                {
                    string name = "-" + v[k];
                    if (syntax.OptionsWithValue.Contains(name))
                    {
                        if (k + 1 < v.Length)
                        {
                            options.Add(new CommandOption(name, word.MapValueSpan(k, 1), word, v.Substring(k + 1), word.MapValueSpan(k + 1, v.Length - k - 1), null));
                        }
                        else
                        {
                            i = AddWithNextValue(options, arguments, i, name, word.MapValueSpan(k, 1), word);
                        }
                        break;
                    }
                    options.Add(new CommandOption(name, word.MapValueSpan(k, 1), word, null, null, null));
                }
                continue;
            }
            if (syntax.OptionsWithValue.Contains(v))
            {
                i = AddWithNextValue(options, arguments, i, v, word.Span, word);
                continue;
            }
            options.Add(new CommandOption(v, word.Span, word, null, null, null));
        }
        return new ParsedArguments(options, positionals);
    }

    private static int AddWithNextValue(List<CommandOption> options, IReadOnlyList<CommandWord> arguments, int i, string name, TextSpan nameSpan, CommandWord word)
    {
        if (i + 1 < arguments.Count)
        {
            var next = arguments[i + 1];
            options.Add(new CommandOption(name, nameSpan, word, next.Value, next.Span, next));
            return i + 1;
        }
        options.Add(new CommandOption(name, nameSpan, word, null, null, null));
        return i;
    }

    /// <summary>True when any of the names (short or long alias, with dashes) is present.</summary>
    public bool HasFlag(params string[] names) => FindOption(names) != null;

    public CommandOption? FindOption(params string[] names)
    {
        foreach (var option in Options)
            foreach (var name in names)
                if (string.Equals(option.Name, name, StringComparison.Ordinal)) return option;
        return null;
    }

    /// <summary>The value of the first matching option (<c>--name=v</c>, <c>-n v</c>), or null.</summary>
    public string? GetValue(params string[] names) => FindOption(names)?.Value;

    /// <summary>True when the leading positionals are exactly the subcommand path (<c>"rds", "delete-db-instance"</c>).</summary>
    public bool HasSubcommand(params string[] path)
    {
        if (Positionals.Count < path.Length) return false;
        for (int i = 0; i < path.Length; i++)
            if (!string.Equals(Positionals[i].Value, path[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>The positionals after the subcommand path, or null when the command does not start with that path.</summary>
    public IReadOnlyList<CommandWord>? PositionalsAfter(params string[] path)
    {
        if (!HasSubcommand(path)) return null;
        var rest = new CommandWord[Positionals.Count - path.Length];
        for (int i = 0; i < rest.Length; i++) rest[i] = Positionals[path.Length + i];
        return rest;
    }
}
