using System;
using System.Linq;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Commands;

public static partial class ShellSources
{
    /// <summary>A heredoc opener in a RUN instruction: <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-"EOF"</c>.</summary>
    private static readonly Regex HeredocOpener = new(@"<<-?\s*([""']?)([A-Za-z_][A-Za-z0-9_]*)\1", RegexOptions.CultureInvariant);

    /// <summary>A rule line <c>target: prerequisites</c> (not <c>X := y</c>, not <c>X ::= y</c>).</summary>
    private static readonly Regex MakeRuleLine = new(@"^[^\t#=][^=]*?(?<!:):(?!=)", RegexOptions.CultureInvariant);

    private static readonly Regex JustRecipeLine = new(@"^@?[A-Za-z_][A-Za-z0-9_-]*(\s[^:=]*)?:(?!=)", RegexOptions.CultureInvariant);

    private readonly struct Line
    {
        public Line(int start, int end) { Start = start; End = end; }
        public int Start { get; }

        /// <summary>Before the line break.</summary>
        public int End { get; }
    }

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        int start = 0;
        while (start <= text.Length)
        {
            int lf = text.IndexOf('\n', start);
            int end = lf < 0 ? text.Length : lf;
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            lines.Add(new Line(start, contentEnd));
            if (lf < 0) break;
            start = lf + 1;
        }
        return lines;
    }

    private static bool EndsWithBackslash(string text, Line line)
    {
        int end = line.End;
        while (end > line.Start && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
        return end > line.Start && text[end - 1] == '\\';
    }

    // ---- Dockerfile -------------------------------------------------------------------------------------

    private static void FromDockerfile(DocumentContext document, Collector collector)
    {
        string text = document.Text.Text;
        var lines = Lines(text);
        bool posixShell = true;
        string? stage = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            int p = SkipBlanks(text, line.Start, line.End);
            if (p >= line.End || text[p] == '#') continue;
            int wordEnd = p;
            while (wordEnd < line.End && !char.IsWhiteSpace(text[wordEnd])) wordEnd++;
            string instruction = text.Substring(p, wordEnd - p).ToUpperInvariant();

            // The instruction's lines: continuations, then heredoc bodies it opens.
            int last = i;
            while (last + 1 < lines.Count && (EndsWithBackslash(text, lines[last]) || (last > i && IsCommentLine(text, lines[last])))) last++;
            int body = SkipBlanks(text, wordEnd, line.End);
            // Sized and copied once: an instruction can be one 8 MB line (a hostile RUN), and every copy of it counts.
            var builder = new EmbeddedText.Builder(lines[last].End - body);
            for (int k = i; k <= last; k++)
            {
                int from = k == i ? body : lines[k].Start;
                // Docker drops comment lines inside a continued instruction before the shell sees it.
                if (k > i && IsCommentLine(text, lines[k])) continue;
                builder.Append(text, from, lines[k].End - from, from);
                if (k < last) builder.Append('\n', lines[k].End);
            }
            int firstLength = Math.Max(0, lines[last].End - body);
            string FirstLine() => text.Substring(body, firstLength);
            var heredocDelimiters = new List<string>();
            if (instruction == "RUN" && text.IndexOf("<<", body, firstLength, StringComparison.Ordinal) >= 0)
                foreach (Match m in HeredocOpener.Matches(FirstLine())) heredocDelimiters.Add(m.Groups[2].Value);
            foreach (var delimiter in heredocDelimiters)
            {
                while (last + 1 < lines.Count)
                {
                    last++;
                    var l = lines[last];
                    builder.Append('\n', l.Start - 1);
                    builder.Append(text.Substring(l.Start, l.End - l.Start), l.Start);
                    if (text.Substring(l.Start, l.End - l.Start).Trim() == delimiter) break;
                }
            }
            int hostEnd = lines[last].End;
            i = last;

            switch (instruction)
            {
                case "FROM":
                    var match = Regex.Match(FirstLine(), @"\s[Aa][Ss]\s+(\S+)");
                    stage = match.Success ? match.Groups[1].Value : null;
                    break;
                case "SHELL":
                    string firstLine = FirstLine();
                    posixShell = firstLine.IndexOf("powershell", StringComparison.OrdinalIgnoreCase) < 0 &&
                                 firstLine.IndexOf("pwsh", StringComparison.OrdinalIgnoreCase) < 0 &&
                                 firstLine.IndexOf("cmd", StringComparison.OrdinalIgnoreCase) < 0;
                    break;
                case "RUN":
                    if (!posixShell) break;
                    var script = StripRunFlags(builder.Build(hostEnd));
                    var context = new ShellHostContext(stage, null, null, Array.Empty<string>());
                    if (script.Value.StartsWith("[", StringComparison.Ordinal))
                        AddExecForm(script, "Dockerfile RUN", context, collector);
                    else if (heredocDelimiters.Count > 0 && script.Value.StartsWith("<<", StringComparison.Ordinal))
                        AddHeredocRun(script, "Dockerfile RUN", context, collector);
                    else
                        collector.Add(script, "Dockerfile RUN", context, registerComments: false);
                    break;
                case "CMD":
                case "ENTRYPOINT":
                    var command = builder.Build(hostEnd);
                    var cmdContext = new ShellHostContext(stage, null, null, Array.Empty<string>());
                    if (command.Value.StartsWith("[", StringComparison.Ordinal)) AddExecForm(command, "Dockerfile " + instruction, cmdContext, collector);
                    else if (posixShell) collector.Add(command, "Dockerfile " + instruction, cmdContext, registerComments: false);
                    break;
            }
        }
    }

    private static bool IsCommentLine(string text, Line line)
    {
        int p = SkipBlanks(text, line.Start, line.End);
        return p < line.End && text[p] == '#';
    }

    private static int SkipBlanks(string text, int p, int end)
    {
        while (p < end && (text[p] == ' ' || text[p] == '\t')) p++;
        return p;
    }

    /// <summary><c>RUN --mount=… --network=none cmd</c>: the flags belong to BuildKit, not to the command.</summary>
    private static EmbeddedText StripRunFlags(EmbeddedText run)
    {
        string value = run.Value;
        int p = 0;
        while (p + 1 < value.Length && value[p] == '-' && value[p + 1] == '-')
        {
            while (p < value.Length && !char.IsWhiteSpace(value[p])) p++;
            while (p < value.Length && (char.IsWhiteSpace(value[p]) || value[p] == '\\')) p++;
        }
        return p == 0 ? run : run.Slice(p, value.Length - p);
    }

    /// <summary><c>RUN ["sh", "-c", "…"]</c>: a JSON array, read as YAML flow (same spans and escapes).</summary>
    private static void AddExecForm(EmbeddedText form, string host, ShellHostContext context, Collector collector)
    {
        var yaml = YamlParser.Parse(form.Value);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].Root is not YamlSequence sequence) return;
        var argv = new ArgvBuilder();
        int count = 0;
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar scalar) continue;
            var inner = scalar.ToEmbeddedText(form.Value);
            var mapped = new EmbeddedText.Builder();
            for (int i = 0; i < inner.Value.Length; i++) mapped.Append(inner.Value[i], form.MapToHost(inner.MapToHost(i)));
            argv.Add(mapped.Build(form.MapToHost(scalar.Span.End - 1) + 1), form.MapToHost(scalar.Span));
            count++;
        }
        if (count > 0) collector.Add(argv.Build(), host, context, registerComments: false);
    }

    /// <summary><c>RUN &lt;&lt;EOF</c> (BuildKit): the heredoc body is the script.</summary>
    private static void AddHeredocRun(EmbeddedText run, string host, ShellHostContext context, Collector collector)
    {
        string value = run.Value;
        var match = HeredocOpener.Match(value);
        int bodyStart = value.IndexOf('\n');
        if (!match.Success || bodyStart < 0) return;
        string delimiter = match.Groups[2].Value;
        int bodyEnd = value.LastIndexOf("\n" + delimiter, StringComparison.Ordinal);
        if (bodyEnd <= bodyStart) bodyEnd = value.Length;
        // Anything after the opener on the first line (`RUN <<EOF bash`) names the interpreter; shell is assumed.
        collector.Add(run.Slice(bodyStart + 1, bodyEnd - bodyStart - 1), host, context, registerComments: false);
    }

    // ---- Makefile ---------------------------------------------------------------------------------------

    private static void FromMakefile(DocumentContext document, Collector collector)
    {
        string text = document.Text.Text;
        var lines = Lines(text);
        string? target = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            string content = text.Substring(line.Start, line.End - line.Start);
            if (content.Length > 0 && content[0] == '\t' && target != null)
            {
                int last = i;
                while (last + 1 < lines.Count && EndsWithBackslash(text, lines[last])) last++;
                var builder = new EmbeddedText.Builder();
                for (int k = i; k <= last; k++)
                {
                    int from = lines[k].Start;
                    if (from < text.Length && text[from] == '\t') from++; // make strips one leading tab per line
                    if (k == i)
                        while (from < lines[k].End && (text[from] is '@' or '-' or '+' || text[from] == ' ')) from++;
                    AppendMakeLine(builder, text, from, lines[k].End);
                    if (k < last) builder.Append('\n', lines[k].End);
                }
                collector.Add(builder.Build(lines[last].End), "Makefile recipe", new ShellHostContext(target, null, null, Array.Empty<string>()), registerComments: false);
                i = last;
                continue;
            }
            if (content.Trim().Length == 0 || content.TrimStart().StartsWith("#", StringComparison.Ordinal)) continue;
            var rule = MakeRuleLine.Match(content);
            if (rule.Success && !content.StartsWith("\t", StringComparison.Ordinal))
            {
                target = content.Substring(0, rule.Length - 1).Trim();
                // `target: prereqs ; recipe` — the recipe after `;` is shell too.
                int semicolon = content.IndexOf(';', rule.Length);
                if (semicolon > 0)
                {
                    var builder = new EmbeddedText.Builder();
                    AppendMakeLine(builder, text, line.Start + semicolon + 1, line.End);
                    collector.Add(builder.Build(line.End), "Makefile recipe", new ShellHostContext(target, null, null, Array.Empty<string>()), registerComments: false);
                }
            }
            else
            {
                target = null;
            }
        }
    }

    /// <summary>
    /// One recipe line as make hands it to the shell: <c>$$</c> becomes <c>$</c>; a make variable <c>$(X)</c> or <c>${X}</c>
    /// (expanded by make, unknown here) becomes the dynamic word <c>${X}</c> mapped onto the reference.
    /// </summary>
    private static void AppendMakeLine(EmbeddedText.Builder builder, string text, int from, int end)
    {
        for (int p = from; p < end; p++)
        {
            char c = text[p];
            if (c != '$' || p + 1 >= end)
            {
                builder.Append(c, p);
                continue;
            }
            char next = text[p + 1];
            if (next == '$')
            {
                builder.Append('$', p);
                p++;
                continue;
            }
            if (next is '(' or '{')
            {
                char close = next == '(' ? ')' : '}';
                int depth = 0, q = p + 1;
                for (; q < end; q++)
                {
                    if (text[q] == next) depth++;
                    else if (text[q] == close && --depth == 0) break;
                }
                if (q >= end) q = end - 1;
                builder.Append('$', p).Append('{', p + 1);
                // Keep a plain variable's name (`$(DATA_DIR)` → `${DATA_DIR}`): what it is called says what it holds.
                string inner = text.Substring(p + 2, Math.Max(0, q - p - 2));
                if (inner.Length > 0 && (char.IsLetter(inner[0]) || inner[0] == '_') && inner.All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
                    for (int k = 0; k < inner.Length; k++) builder.Append(inner[k], p + 2 + k);
                else builder.Append('M', p + 2);
                builder.Append('}', q);
                p = q;
                continue;
            }
            // $@, $<, $X: an automatic or one-letter make variable.
            builder.Append('$', p).Append('{', p).Append('M', p + 1).Append('}', p + 1);
            p++;
        }
    }

    // ---- justfile ---------------------------------------------------------------------------------------

    private static void FromJustfile(DocumentContext document, Collector collector)
    {
        string text = document.Text.Text;
        var lines = Lines(text);
        for (int i = 0; i < lines.Count; i++)
        {
            string content = text.Substring(lines[i].Start, lines[i].End - lines[i].Start);
            var recipe = JustRecipeLine.Match(content);
            if (!recipe.Success || content.StartsWith("set ", StringComparison.Ordinal) || content.StartsWith("alias ", StringComparison.Ordinal)) continue;
            string name = content.Substring(content[0] == '@' ? 1 : 0).Split(' ', ':')[0];
            var context = new ShellHostContext(name, null, null, Array.Empty<string>());
            int first = i + 1;
            int last = i;
            while (last + 1 < lines.Count)
            {
                var next = lines[last + 1];
                bool blank = SkipBlanks(text, next.Start, next.End) == next.End;
                bool indented = next.End > next.Start && (text[next.Start] == ' ' || text[next.Start] == '\t');
                if (!indented && !blank) break;
                last++;
            }
            while (last >= first && SkipBlanks(text, lines[last].Start, lines[last].End) == lines[last].End) last--;
            if (last < first) continue;
            int bodyStart = SkipBlanks(text, lines[first].Start, lines[first].End);
            if (text.Substring(bodyStart, Math.Min(2, text.Length - bodyStart)) == "#!")
            {
                // A shebang recipe runs as one script.
                var whole = new EmbeddedText.Builder();
                for (int k = first; k <= last; k++)
                {
                    int from = SkipBlanks(text, lines[k].Start, lines[k].End);
                    whole.Append(text.Substring(from, lines[k].End - from), from).Append('\n', lines[k].End);
                }
                collector.Add(whole.Build(lines[last].End), "justfile recipe", context, registerComments: false);
            }
            else
            {
                for (int k = first; k <= last; k++)
                {
                    int lineLast = k;
                    while (lineLast < last && EndsWithBackslash(text, lines[lineLast])) lineLast++;
                    var builder = new EmbeddedText.Builder();
                    for (int m = k; m <= lineLast; m++)
                    {
                        int from = SkipBlanks(text, lines[m].Start, lines[m].End);
                        if (m == k) while (from < lines[m].End && text[from] is '@' or '-') from++;
                        builder.Append(text.Substring(from, lines[m].End - from), from);
                        if (m < lineLast) builder.Append('\n', lines[m].End);
                    }
                    collector.Add(builder.Build(lines[lineLast].End), "justfile recipe", context, registerComments: false);
                    k = lineLast;
                }
            }
            i = last;
        }
    }
}
