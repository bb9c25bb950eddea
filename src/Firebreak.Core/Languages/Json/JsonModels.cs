using System;
using System.Globalization;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Json;

/// <summary>
/// A document's JSON tree, parsed once by the one JSON reader: JSON with comments where the program that reads the file
/// accepts it (VS Code and Cursor settings, Claude Code settings, MCP configurations, tsconfig-style files), strict JSON
/// elsewhere (package.json, Terraform JSON and plans). What the parser recovered from is an FB0001 note, as for YAML
/// and HCL, so one stray comment never silently hides a finding.
/// </summary>
public static class JsonModels
{
    public static readonly ModelKey<JsonDocument> Key = new("json", static doc =>
    {
        bool jsonc = AllowsComments(doc.Kind, doc.Path);
        var json = JsonParser.Parse(doc.Text.Text, jsonc);
        foreach (var diagnostic in json.Diagnostics) doc.ReportParseProblem(jsonc ? "JSON with comments" : "JSON", diagnostic);
        return json;
    });

    extension(DocumentContext document)
    {
        /// <summary>The file parsed as JSON (JSON with comments where its host reads it so), once.</summary>
        public JsonDocument Json => document.Get(Key);
    }

    /// <summary>Whether the program that reads this file accepts comments and trailing commas in it.</summary>
    public static bool AllowsComments(FileKind kind, string path)
    {
        if (kind is FileKind.ClaudeSettings or FileKind.McpConfig or FileKind.CursorCli) return true;
        if (kind is FileKind.ArmTemplate) return true; // Azure's deployment engine accepts comments in templates
        string normalized = path.Replace('\\', '/');
        string name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        return normalized.StartsWith(".vscode/", StringComparison.Ordinal) || normalized.Contains("/.vscode/")
            || normalized.StartsWith(".cursor/", StringComparison.Ordinal) || normalized.Contains("/.cursor/")
            || normalized.StartsWith(".devcontainer/", StringComparison.Ordinal) || name == "devcontainer.json" || name == ".devcontainer.json"
            || name.EndsWith(".jsonc", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("tsconfig", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            || (name.StartsWith("jsconfig", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal));
    }

    /// <summary>
    /// The string's value as text embedded in the file: each character maps back to where it is written (an escape maps
    /// to its backslash), so a command in a package.json script is reported at its place in the file.
    /// </summary>
    public static EmbeddedText ToEmbeddedText(this JsonString value, string hostText)
    {
        int start = value.Span.Start + 1;
        int end = Math.Max(start, value.Span.End - 1);
        if (!value.HasEscapes) return EmbeddedText.Contiguous(value.Value, start);
        var builder = new EmbeddedText.Builder();
        int i = start;
        while (i < end && i < hostText.Length)
        {
            char c = hostText[i];
            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c, i);
                i++;
                continue;
            }
            char e = hostText[i + 1];
            switch (e)
            {
                case 'n': builder.Append('\n', i); i += 2; break;
                case 't': builder.Append('\t', i); i += 2; break;
                case 'r': builder.Append('\r', i); i += 2; break;
                case 'b': builder.Append('\b', i); i += 2; break;
                case 'f': builder.Append('\f', i); i += 2; break;
                case 'u' when i + 5 < end && int.TryParse(hostText.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    builder.Append((char)code, i);
                    i += 6;
                    break;
                default: builder.Append(e, i); i += 2; break;
            }
        }
        return builder.Build(end);
    }
}
