using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Firebreak.Core.Commands;
using Firebreak.Core.Configuration;
using Firebreak.Core.Languages.Shell;

namespace Firebreak.Cli.Guard;

/// <summary>
/// The repository's own word on the guard (<c>guard:</c> in firebreak.yml): command prefixes always denied or always
/// allowed — matched on the argv of every command the shell would run (after <c>sudo</c>, <c>sh -c</c>, …), whole words,
/// never on the raw text — <c>ask-as-deny</c>, and an audit log of decisions.
/// </summary>
internal sealed class GuardPolicy
{
    private readonly GuardSettings _settings;
    private readonly string? _logPath;

    public GuardPolicy(GuardSettings settings, string? configPath, string workspace)
    {
        _settings = settings;
        if (settings.Log is { } log)
        {
            string baseDir = configPath is null ? workspace : Path.GetDirectoryName(Path.GetFullPath(configPath))!;
            string full = Path.GetFullPath(Path.Combine(baseDir, log));
            string root = Path.GetFullPath(workspace).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            // The repository configures where the log goes, so it stays inside the repository.
            if (!full.StartsWith(root, StringComparison.Ordinal)) throw new PayloadException($"guard.log `{Payload.Clip(log)}` is outside the repository");
            _logPath = full;
        }
    }

    public bool AskAsDeny => _settings.AskAsDeny;

    /// <summary>A deny-list entry the call's commands start with, or null.</summary>
    public string? Denied(ToolCall call) =>
        call is ShellCall shell && _settings.Deny.Count > 0 ? Argvs(shell.Command).SelectMany(argv => _settings.Deny.Where(p => StartsWith(argv, p))).FirstOrDefault() : null;

    /// <summary>Whether every command the call runs starts with an allow-list entry.</summary>
    public bool Allowed(ToolCall call)
    {
        if (call is not ShellCall shell || _settings.Allow.Count == 0) return false;
        var argvs = Argvs(shell.Command).ToArray();
        return argvs.Length > 0 && argvs.All(argv => _settings.Allow.Any(p => StartsWith(argv, p)));
    }

    private static IEnumerable<string[]> Argvs(string command) =>
        CommandExtractor.Extract(ShellParser.Parse(command)).Select(c => c.Arguments.Select(a => a.Value ?? a.RawText).ToArray());

    private static bool StartsWith(string[] argv, string prefix)
    {
        var words = prefix.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > argv.Length) return false;
        if (ShellCommand_ProgramName(argv[0]) != words[0]) return false;
        for (int i = 1; i < words.Length; i++)
            if (argv[i] != words[i]) return false;
        return true;
    }

    private static string ShellCommand_ProgramName(string value)
    {
        int slash = value.LastIndexOf('/');
        return slash >= 0 && slash < value.Length - 1 ? value.Substring(slash + 1) : value;
    }

    /// <summary>Appends one JSON line: time, agent, tool, a hash of what was judged (never its text), decision, rules.</summary>
    public void Log(string agent, ToolCall call, GuardDecision decision, string rules)
    {
        if (_logPath is null) return;
        string judged = call switch
        {
            ShellCall s => s.Command,
            FileWriteCall w => w.Path + "\n" + w.Content,
            FileEditCall e => e.Path + "\n" + string.Join("\n", e.Edits.Select(x => x.OldText + "\n" + x.NewText)),
            PatchCall p => p.Patch,
            McpCall m => m.Server + "/" + m.Tool + "\n" + m.ArgumentsJson,
            _ => string.Empty,
        };
        string tool = call switch { ShellCall => "shell", FileWriteCall => "write", FileEditCall => "edit", PatchCall => "patch", McpCall m => "mcp:" + m.Server + "/" + m.Tool, _ => "other" };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("agent", agent);
            json.WriteString("tool", tool);
            json.WriteString("sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(judged))).ToLowerInvariant());
            json.WriteString("decision", decision switch { GuardDecision.Deny => "deny", GuardDecision.Ask => "ask", _ => "none" });
            json.WriteString("rules", rules);
            json.WriteEndObject();
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_logPath)!);
            File.AppendAllText(_logPath, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An audit log that cannot be written does not change the decision.
        }
    }
}
