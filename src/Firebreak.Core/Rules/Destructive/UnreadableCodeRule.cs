using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1021: what will run is not written in the command — a program name held in a variable, code computed at run time
/// and handed to <c>eval</c>/<c>sh -c</c>/<c>source</c>, a download piped into a shell, an interpreter one-liner whose
/// code is computed or deletes files and runs commands. The shell model says where the code comes from; the code of a
/// one-liner is one already-parsed word, in which the deleting and spawning calls of its language are looked up.
/// A note in `scan`; the guard asks.
/// </summary>
public sealed class UnreadableCodeRule : ShellCommandRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.UnreadableCode;

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "fish" };

    /// <summary>Interpreters and the options that take code on the command line.</summary>
    private static readonly Dictionary<string, string[]> CodeOptions = new(StringComparer.Ordinal)
    {
        ["python"] = new[] { "-c" },
        ["node"] = new[] { "-e", "--eval", "-p", "--print", "eval" },
        ["perl"] = new[] { "-e", "-E" },
        ["ruby"] = new[] { "-e" },
        ["powershell"] = new[] { "-c", "-command", "-Command", "-C" },
        ["php"] = new[] { "-r" },
    };

    /// <summary>
    /// The language of an interpreter's program name: <c>python</c>, <c>python3</c>, <c>python3.12</c>, <c>pypy3</c>,
    /// <c>node</c>/<c>bun</c>/<c>deno</c>, <c>perl5.36</c>, <c>ruby3.2</c>, <c>pwsh</c>/<c>powershell.exe</c> (any case),
    /// <c>php8.2</c>. Plain code, not a regex per interpreter: every command name is asked, and a guard decision starts cold.
    /// </summary>
    internal static string? LanguageOf(string program)
    {
        if (program is "node" or "nodejs" or "bun" or "deno") return "node";
        if (program is "pypy" or "pypy3") return "python";
        if (Versioned(program, "python", maxDots: 1)) return "python";
        if (Versioned(program, "perl", maxDots: int.MaxValue)) return "perl";
        if (Versioned(program, "ruby", maxDots: int.MaxValue)) return "ruby";
        if (Versioned(program, "php", maxDots: int.MaxValue)) return "php";
        string lower = program.ToLowerInvariant();
        return lower is "pwsh" or "powershell" or "powershell.exe" or "pwsh.exe" ? "powershell" : null;
    }

    /// <summary><paramref name="name"/> is <paramref name="stem"/> and an optional version: digits, then up to <paramref name="maxDots"/> `.digits` groups.</summary>
    private static bool Versioned(string name, string stem, int maxDots)
    {
        if (!name.StartsWith(stem, StringComparison.Ordinal)) return false;
        int i = stem.Length;
        if (i == name.Length) return true;
        int dots = 0;
        while (true)
        {
            int digits = i;
            while (i < name.Length && name[i] is >= '0' and <= '9') i++;
            if (i == digits) return false;
            if (i == name.Length) return true;
            if (name[i] != '.' || ++dots > maxDots) return false;
            i++;
        }
    }

    /// <summary>Calls that delete files or hand a string to a shell, per language (looked up inside the code word), built on first use.</summary>
    private static readonly Dictionary<string, Lazy<Regex>> Destructive = new()
    {
        ["python"] = new(() => new Regex(@"\b(shutil\s*\.\s*rmtree|os\s*\.\s*(remove|unlink|rmdir|removedirs|system|popen|truncate|exec\w*)|subprocess\s*\.\s*\w+|\.\s*(unlink|rmdir|rmtree)\s*\(|pty\s*\.\s*spawn)", RegexOptions.CultureInvariant)),
        ["node"] = new(() => new Regex(@"\b(rmSync|rmdirSync|unlinkSync|truncateSync|rimraf|execSync|execFileSync|spawnSync|child_process|fs\s*\.\s*(rm|rmdir|unlink|truncate)\b|fs\s*\.\s*promises\s*\.\s*(rm|rmdir|unlink)|\bexec\s*\(|\bspawn\s*\()", RegexOptions.CultureInvariant)),
        ["perl"] = new(() => new Regex(@"(\bunlink\b|\brmtree\b|\bremove_tree\b|\brmdir\b|\bsystem\s*[\(\s'""]|\bexec\s*[\(\s'""]|\bqx\b|`)", RegexOptions.CultureInvariant)),
        ["ruby"] = new(() => new Regex(@"(FileUtils\s*\.\s*(rm_rf|rm_r|rm|remove\w*)|File\s*\.\s*(delete|unlink)|Dir\s*\.\s*(rmdir|delete)|\bsystem\s*[\(\s'""]|\bexec\s*[\(\s'""]|%x|`)", RegexOptions.CultureInvariant)),
        ["powershell"] = new(() => new Regex(@"(Remove-Item|Clear-Content|Format-Volume|Clear-Disk|Invoke-Expression|\biex\b|\brm\s+-r|\brd\s|\bdel\s|Start-Process)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)),
        ["php"] = new(() => new Regex(@"\b(unlink|rmdir|system|exec|shell_exec|passthru|proc_open|popen)\s*\(|`", RegexOptions.CultureInvariant)),
    };

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    // A Dockerfile RUN builds an image: downloading and running installers there is what it is for.
    protected override bool SkipsImageBuilds => true;

    protected override void Check(ShellCommand command, ShellSource source, ShellCommandScope scope)
    {
        if (Judge(command) is not { } found || !scope.First(found.Span)) return;
        scope.Sink.Report(Descriptor, scope.Document, found.Span, found.Message, fingerprintText: command.ToString());
    }

    private static (TextSpan Span, string Message)? Judge(ShellCommand command)
    {
        if (command.Arguments.Count == 0) return null;
        var name = command.NameWord;
        if (command.Name is null && command.Wrapper is { Name: { } wrapperName } wrapper && (command.Context & CommandContext.NestedShell) != 0)
        {
            // `bash -c "$(echo … | base64 -d)"`: the code handed to the shell is produced when the line runs.
            var code = wrapper.Arguments.Skip(1).FirstOrDefault(a => !a.IsStatic) ?? wrapper.NameWord;
            return (code.Span, $"`{wrapperName}` runs `{Clip(code.RawText)}`, code produced when the command runs (decoded, downloaded or computed), so nothing can say what it does; write the command out.");
        }
        if (command.Name is null)
        {
            // A script path with a computed part (`./cmake-$VERSION.sh`) names a file; a program that is all variable does not.
            if (name.LiteralPrefix.Length > 0) return null;
            // `$a -rf /`, `"$(curl …)"`, `${CMD}`: the program itself is computed when the line runs.
            return (name.Span, $"the program `{Clip(name.RawText)}` is computed when the command runs (from a variable or a command substitution), so nothing can say what it does; write the command out.");
        }
        string program = command.Name;
        if (program == "eval" && command.Arguments.Skip(1).Any(a => !a.IsStatic))
            return (name.Span, "`eval` runs text computed when the command runs, so nothing can say what it does; write the command out.");
        if (program is "source" or ".")
        {
            if (command.Arguments.Count > 1 && HasSubstitution(command.Arguments[1].Syntax.Parts))
                return (command.Arguments[1].Span, $"`{program} {Clip(command.Arguments[1].RawText)}` runs code produced when the command runs (a download or another command's output); read it into a file and look at it first.");
            if (command.Arguments.Count > 1 && command.Arguments[1].Value is "/dev/stdin" or "-" && command.Input?.Kind == CommandInputKind.Pipe)
                return (command.Arguments[1].Span, $"`{program} /dev/stdin` runs whatever the pipe produces; read it into a file and look at it first.");
            return null;
        }
        if (Shells.Contains(program)) return Shell(command);
        return LanguageOf(program) is { } language ? OneLiner(command, CodeOptions[language], language) : null;
    }

    /// <summary>A shell the extractor could not see into: reading a pipe, or a command string computed at run time.</summary>
    private static (TextSpan, string)? Shell(ShellCommand command)
    {
        var args = command.Arguments;
        int i = 1;
        bool commandString = false;
        for (; i < args.Count; i++)
        {
            var v = args[i].Value;
            if (v is null || v.Length < 2 || v[0] is not ('-' or '+')) break;
            if (v == "--") { i++; break; }
            if (v[1] != '-' && v.IndexOf('c') > 0) commandString = true;
        }
        // The extractor marks the shell whose code is the list xargs/parallel reads; its options are read there, once.
        if ((command.Context & CommandContext.CodeFromInput) != 0 && command.Wrapper is { } lister)
            return (lister.NameWord.Span, $"`{lister.Name} {command.Name} -c` runs the lines it reads as shell code, which cannot be read before it runs; write the commands out.");
        if (commandString)
        {
            if (i < args.Count && !args[i].IsStatic)
                return (args[i].Span, $"`{command.Name} -c` runs `{Clip(args[i].RawText)}`, text computed when the command runs, so nothing can say what it does; write the command out.");
            return null;
        }
        bool script = i < args.Count;
        if (!script && command.Input is { Kind: CommandInputKind.Pipe } input)
        {
            string from = input.Source?.Name is { } producer ? $"`{producer}`" : "another command";
            return (command.NameWord.Span, $"`{command.Name}` runs the code {from} pipes into it (a download or decoded text), which cannot be read before it runs; save it to a file, read it, then run the file.");
        }
        return null;
    }

    private static (TextSpan, string)? OneLiner(ShellCommand command, string[] options, string language)
    {
        var args = command.Arguments;
        for (int i = 1; i < args.Count - 1; i++)
        {
            var v = args[i].Value;
            if (v is null || !options.Contains(v, StringComparer.Ordinal)) continue;
            var code = args[i + 1];
            if (code.Value is null && (HasSubstitution(code.Syntax.Parts) || code.RawText.Trim('"').StartsWith("$", StringComparison.Ordinal)))
                return (code.Span, $"`{command.Name} {v}` runs code computed when the command runs (`{Clip(code.RawText)}`), so nothing can say what it does; put the code in a file and read it first.");
            // Code with `$var` interpolated is read as written: the calls it makes are still there.
            string text = code.Value ?? code.RawText;
            var match = Destructive[language].Value.Match(text);
            if (!match.Success) return null;
            return (code.Span, $"`{command.Name} {v}` runs code that deletes files or starts other programs (`{Clip(match.Value.Trim())}`), which no rule can follow into the language; write the deletion as a shell command Firebreak can judge, or run it yourself.");
        }
        return null;
    }

    /// <summary>Whether a word holds <c>$(…)</c>, backticks or <c>&lt;(…)</c>, at any depth of quoting.</summary>
    internal static bool HasSubstitution(IReadOnlyList<Languages.Shell.ShellWordPart> parts)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case Languages.Shell.ShellCommandSubstitutionPart:
                case Languages.Shell.ShellProcessSubstitutionPart:
                    return true;
                case Languages.Shell.ShellDoubleQuotedPart quoted when HasSubstitution(quoted.Parts):
                    return true;
                case Languages.Shell.ShellParameterPart { Argument: { } argument } when HasSubstitution(argument.Parts):
                    return true;
            }
        }
        return false;
    }

    private static string Clip(string text)
    {
        string line = text.Replace("\r", " ").Replace("\n", " ");
        return line.Length <= 48 ? line : line.Substring(0, 48) + "…";
    }
}
