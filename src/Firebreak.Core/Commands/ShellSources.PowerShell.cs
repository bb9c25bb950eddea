using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.PowerShell;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

public static partial class ShellSources
{
    // ---- PowerShell: its commands, read by PowerShell's rules, judged by the same command model ---------------------

    /// <summary>PowerShell's aliases of <c>Remove-Item</c>; inside a PowerShell script <c>rm</c> is not the POSIX program.</summary>
    private static readonly HashSet<string> RemoveItemAliases = new(StringComparer.OrdinalIgnoreCase) { "rm", "del", "erase", "rd", "rmdir", "ri", "Remove-Item" };

    private static readonly ConditionalWeakTable<DestructiveCommandCatalog, Dictionary<string, string>> CanonicalNames = new();

    /// <summary>
    /// Reads a <c>.ps1</c>/<c>.psm1</c> script with the PowerShell parser and writes each command it runs as one shell
    /// line of single-quoted words, every character mapped back to the file, so the command model, the destructive
    /// catalogue and the HTTP reader judge <c>Remove-AzResourceGroup -Force</c> or <c>Invoke-RestMethod -Method Delete</c>
    /// as they judge <c>az group delete --yes</c> or <c>curl -X DELETE</c>. PowerShell names are case-insensitive: a
    /// command or parameter the catalogue knows is written in the catalogue's spelling (same length, same positions);
    /// a value known only at run time becomes a dynamic word.
    /// </summary>
    private static void FromPowerShell(DocumentContext document, Collector collector) =>
        AddPowerShell(EmbeddedText.Contiguous(document.Text.Text, 0), "PowerShell script", ShellHostContext.None, null, document, collector);

    /// <summary>A PowerShell script held in a file or in a host (a workflow step with <c>shell: pwsh</c>), lowered and added.</summary>
    private static void AddPowerShell(EmbeddedText source, string host, ShellHostContext context, WorkflowStepOrigin? step, DocumentContext document, Collector collector)
    {
        var script = PowerShellParser.Parse(source.Value);
        foreach (var diagnostic in script.Diagnostics)
            document.ReportParseProblem("powershell", new SyntaxDiagnostic(source.MapToHost(diagnostic.Span), $"{host}: {diagnostic.Message}"));
        if (script.Pipelines.Count == 0) return;
        var canonical = CanonicalNames.GetValue(document.Catalogs.Commands, BuildCanonicalNames);
        var builder = new EmbeddedText.Builder();
        int last = source.MapToHost(0);
        foreach (var pipeline in script.Pipelines)
        {
            if (builder.Length > 0) builder.Append('\n', last);
            for (int k = 0; k < pipeline.Commands.Count; k++)
            {
                if (k > 0) builder.Append(" | ", last);
                var elements = pipeline.Commands[k].Elements;
                for (int j = 0; j < elements.Count; j++)
                {
                    if (j > 0) builder.Append(' ', last);
                    AppendPowerShellElement(builder, elements[j], j == 0, canonical, source);
                    last = source.MapToHost(Math.Max(elements[j].Span.Start, elements[j].Span.End - 1));
                }
            }
        }
        collector.Add(builder.Build(source.HostEnd), host, context, registerComments: false, step: step);
    }

    private static void AppendPowerShellElement(EmbeddedText.Builder builder, PowerShellElement element, bool isCommand, Dictionary<string, string> canonical, EmbeddedText source)
    {
        int first = source.MapToHost(element.Span.Start);
        int final = source.MapToHost(Math.Max(element.Span.Start, element.Span.End - 1));
        if (element.Value is not { } value || element.Offsets is not { } inner)
        {
            const string Dynamic = "\"$PSVALUE\"";
            for (int i = 0; i < Dynamic.Length; i++) builder.Append(Dynamic[i], i == Dynamic.Length - 1 ? final : first);
            return;
        }
        IReadOnlyList<int> offsets = MapOffsets(inner, source);
        if (isCommand && RemoveItemAliases.Contains(value))
        {
            // `rm`, `del`, `ri`… run Remove-Item: written as that name, every character on the alias.
            offsets = Spread(offsets, "Remove-Item".Length, first, final);
            value = "Remove-Item";
        }
        else
        {
            value = Canonical(value, canonical);
            // `-Switch:$true` is `-Switch`; `-Switch:$false` stays as written (the switch is off, and a catalogue can name it).
            if (element.Kind == PowerShellElementKind.Parameter && value.EndsWith(":$true", StringComparison.OrdinalIgnoreCase))
            {
                value = value.Substring(0, value.Length - ":$true".Length);
                offsets = Spread(offsets, value.Length, first, final);
            }
        }
        builder.Append('\'', value.Length == 0 ? first : offsets[0]);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\'')
                foreach (char q in "'\\''") builder.Append(q, offsets[i]);
            else
                builder.Append(value[i], offsets[i]);
        }
        builder.Append('\'', value.Length == 0 ? final : offsets[value.Length - 1]);
    }

    private static IReadOnlyList<int> MapOffsets(IReadOnlyList<int> offsets, EmbeddedText source)
    {
        var mapped = new int[offsets.Count];
        for (int i = 0; i < mapped.Length; i++) mapped[i] = source.MapToHost(offsets[i]);
        return mapped;
    }

    private static IReadOnlyList<int> Spread(IReadOnlyList<int> offsets, int length, int first, int final)
    {
        var spread = new int[length];
        for (int i = 0; i < length; i++) spread[i] = i == length - 1 ? final : (i < offsets.Count ? offsets[i] : final);
        return spread;
    }

    private static string Canonical(string value, Dictionary<string, string> canonical)
    {
        if (canonical.TryGetValue(value, out var spelled) && spelled.Length == value.Length) return spelled;
        int colon = value.IndexOf(':');
        if (value.Length > 1 && value[0] == '-' && colon > 1 && canonical.TryGetValue(value.Substring(0, colon), out spelled) && spelled.Length == colon)
            return spelled + value.Substring(colon);
        return value;
    }

    /// <summary>Command and parameter names of the catalogue as it spells them, looked up without case.</summary>
    private static Dictionary<string, string> BuildCanonicalNames(DestructiveCommandCatalog catalog)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string name)
        {
            // Only PowerShell-style names: a POSIX `-f` and `-F` differ, and must not be folded together.
            bool powerShell = name.IndexOf('-', 1) > 0 && name[0] != '-' || name.Length > 2 && name[0] == '-' && name[1] != '-' && HasUpper(name);
            if (powerShell && !names.ContainsKey(name)) names[name] = name;
        }
        foreach (var signature in catalog.Signatures)
        {
            foreach (var program in signature.Programs) if (HasUpper(program)) Add(program);
            foreach (var list in new[] { signature.RequiresAny, signature.SkipConfirmation, signature.SkipSafety, signature.Neutralize, signature.KeepsBackups, signature.KillsBackups, signature.EnvironmentOptions, signature.OptionsWithValue })
                foreach (var option in list)
                {
                    int colon = option.IndexOf(':');
                    Add(colon > 1 ? option.Substring(0, colon) : option);
                    if (colon > 1 && HasUpper(option)) names[option] = option;
                }
        }
        return names;
    }

    private static bool HasUpper(string s)
    {
        foreach (char c in s) if (char.IsUpper(c)) return true;
        return false;
    }
}
