using System;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Yaml;

/// <summary>
/// Maps a scalar's value back to the file: a shell script in a <c>run: |</c> block, a command in a quoted string.
/// YAML removes indentation, folds lines and resolves escapes, so the value is aligned with the raw source character by
/// character: each value character maps to where it stands in the raw text, whitespace to whitespace.
/// </summary>
public static class YamlScalarText
{
    /// <summary>How far to look ahead for a value character an escape or a fold moved.</summary>
    private const int LookAhead = 12;

    public static EmbeddedText ToEmbeddedText(this YamlScalar scalar, string hostText)
    {
        string value = scalar.Value;
        int rawStart = scalar.Span.Start;
        int rawEnd = Math.Min(scalar.Span.End, hostText.Length);
        int p = rawStart;

        switch (scalar.Style)
        {
            case YamlScalarStyle.SingleQuoted:
            case YamlScalarStyle.DoubleQuoted:
                p++; // the opening quote
                break;
            case YamlScalarStyle.Literal:
            case YamlScalarStyle.Folded:
                // Content starts on the line after the header (`|`, `|-`, `>+2`, and a possible comment).
                int lineBreak = hostText.IndexOf('\n', rawStart);
                p = lineBreak < 0 || lineBreak >= rawEnd ? rawEnd : lineBreak + 1;
                break;
        }

        if (scalar.Style == YamlScalarStyle.Plain && rawEnd - rawStart == value.Length &&
            string.CompareOrdinal(hostText, rawStart, value, 0, value.Length) == 0)
        {
            return EmbeddedText.Contiguous(value, rawStart);
        }

        var builder = new EmbeddedText.Builder();
        foreach (char c in value)
        {
            if (p < rawEnd && hostText[p] == c)
            {
                builder.Append(c, p++);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                // A line break or fold: skip indentation and breaks in the raw text to the next content.
                int q = p;
                while (q < rawEnd && (char.IsWhiteSpace(hostText[q]) || hostText[q] == '\\') && hostText[q] != c) q++;
                if (q < rawEnd && hostText[q] == c)
                {
                    builder.Append(c, q);
                    p = q + 1;
                }
                else
                {
                    builder.Append(c, Math.Min(p, Math.Max(rawStart, rawEnd - 1)));
                    p = q;
                }
                continue;
            }
            int found = -1;
            for (int q = p; q < rawEnd && q < p + LookAhead; q++)
            {
                if (hostText[q] == c) { found = q; break; }
            }
            if (found >= 0)
            {
                builder.Append(c, found);
                p = found + 1;
            }
            else
            {
                // An escape (\t, \u00e9) produced it: map to the escape and step over it.
                builder.Append(c, Math.Min(p, Math.Max(rawStart, rawEnd - 1)));
                if (p < rawEnd && hostText[p] == '\\') p = Math.Min(rawEnd, p + 2);
            }
        }
        return builder.Build(rawEnd);
    }
}
