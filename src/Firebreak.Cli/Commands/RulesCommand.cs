using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;

namespace Firebreak.Cli.Commands;

/// <summary><c>firebreak rules</c>: every rule with its family and default level, as text or JSON.</summary>
public static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        var command = new Command("rules", "List the rules: ID, family, default level and title.");
        command.Options.Add(format);
        command.SetAction(parse => parse.GetValue(format) switch
        {
            "text" => Text(context.Stdout),
            "json" => Json(context.Stdout),
            var other => throw new UsageException($"unknown format '{other}' for rules (expected text or json)"),
        });
        return command;
    }

    private static int Text(TextWriter stdout)
    {
        int width = RuleCatalog.All.Max(r => r.Family.Tag().Length);
        foreach (var rule in RuleCatalog.All)
        {
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}  {1}  {2}  {3}",
                rule.Id, rule.Family.Tag().PadRight(width), rule.DefaultLevel.ToSarifName().PadRight(7), rule.Title));
        }
        return Program.Clean;
    }

    private static int Json(TextWriter stdout)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var rule in RuleCatalog.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("family", rule.Family.Tag());
                json.WriteString("level", rule.DefaultLevel.ToSarifName());
                json.WriteString("title", rule.Title);
                json.WriteString("description", rule.Description);
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        return Program.Clean;
    }
}
