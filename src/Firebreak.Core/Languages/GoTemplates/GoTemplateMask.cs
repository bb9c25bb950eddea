using System;
using System.Collections.Generic;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.GoTemplates;

/// <summary>
/// Reads a Go text/template (a Helm chart's template) as written, without rendering it: every action
/// (<c>{{ … }}</c>, <c>{{- … -}}</c>, comments <c>{{/* … */}}</c>) is masked in a copy of the text of the same length, so
/// the YAML around the actions parses and every span of the copy is a span of the template.
/// <list type="bullet">
/// <item>A line that holds nothing but actions (<c>{{- if … }}</c>, <c>{{- end }}</c>, <c>{{- include … | nindent 4 }}</c>)
/// becomes blank: control flow and generated blocks have no YAML of their own to read.</item>
/// <item>An action inside YAML text (<c>replicas: {{ .Values.replicas }}</c>, <c>"{{ .Values.repo }}:{{ .Values.tag }}"</c>)
/// becomes <see cref="Hole"/> characters: the key keeps a value, and a rule can tell that value is not known.</item>
/// </list>
/// Nothing is evaluated: a template's output depends on values the scan does not have.
/// </summary>
public static class GoTemplateMask
{
    /// <summary>Stands for a character of an action inside YAML text; a scalar holding it has a value the template computes.</summary>
    public const char Hole = '\u00A4';

    /// <summary>Cheap test before masking.</summary>
    public static bool HasActions(string text) => text.IndexOf("{{", StringComparison.Ordinal) >= 0;

    /// <summary>Whether a value read from the masked text came (in part) from a template action.</summary>
    public static bool IsTemplated(string value) => value.IndexOf(Hole) >= 0;

    /// <summary>The actions of <paramref name="text"/>, in order. An action that never closes ends the list (Helm would refuse the file).</summary>
    public static IReadOnlyList<TextSpan> Actions(string text)
    {
        var actions = new List<TextSpan>();
        int i = 0;
        while ((i = text.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            int end = ActionEnd(text, i + 2);
            if (end < 0) break;
            actions.Add(TextSpan.FromBounds(i, end));
            i = end;
        }
        return actions;
    }

    /// <summary>The template with its actions masked: same length, same line breaks.</summary>
    public static string Mask(string text)
    {
        var actions = Actions(text);
        if (actions.Count == 0) return text;
        var masked = text.ToCharArray();
        int a = 0;
        while (a < actions.Count)
        {
            // The actions that share (or run across) the lines of this one: if only whitespace surrounds them, blank them.
            int lineStart = LineStart(text, actions[a].Start);
            int last = a;
            int lineEnd = LineEnd(text, actions[a].End);
            while (last + 1 < actions.Count && actions[last + 1].Start < lineEnd)
            {
                last++;
                lineEnd = LineEnd(text, actions[last].End);
            }
            bool wholeLines = true;
            int p = lineStart;
            for (int k = a; k <= last && wholeLines; k++)
            {
                wholeLines = IsBlank(text, p, actions[k].Start);
                p = actions[k].End;
            }
            wholeLines = wholeLines && IsBlank(text, p, lineEnd);
            // `labels: {{ include "x" . | nindent 4 }}` followed by deeper lines: the action opens the block below, it is no value.
            bool opensBlock = !wholeLines && IsBlank(text, p, lineEnd) && EndsWithKey(text, lineStart, actions[a].Start) &&
                              NextContentIndent(text, lineEnd) > KeyColumn(text, lineStart);
            for (int k = a; k <= last; k++)
            {
                for (int c = actions[k].Start; c < actions[k].End; c++)
                {
                    if (text[c] is '\n' or '\r') continue;
                    masked[c] = wholeLines || opensBlock ? ' ' : Hole;
                }
            }
            a = last + 1;
        }
        return new string(masked);
    }

    /// <summary>Where the action whose body starts at <paramref name="i"/> ends (after <c>}}</c>); -1 when it never does.</summary>
    private static int ActionEnd(string text, int i)
    {
        // A comment action: {{/* … */}} or {{- /* … */ -}}; its body may hold anything.
        int j = i;
        if (j < text.Length && text[j] == '-') j++;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r' or '\n') j++;
        if (j + 1 < text.Length && text[j] == '/' && text[j + 1] == '*')
        {
            int close = text.IndexOf("*/", j + 2, StringComparison.Ordinal);
            if (close < 0) return -1;
            int end = text.IndexOf("}}", close + 2, StringComparison.Ordinal);
            return end < 0 ? -1 : end + 2;
        }
        while (i < text.Length)
        {
            char c = text[i];
            switch (c)
            {
                case '}' when i + 1 < text.Length && text[i + 1] == '}':
                    return i + 2;
                case '"' or '\'':
                    // An unclosed quote is no string (a stray apostrophe): read on.
                    int closed = SkipQuoted(text, i, c);
                    i = closed < 0 ? i + 1 : closed;
                    break;
                case '`':
                    int raw = text.IndexOf('`', i + 1);
                    if (raw < 0) return -1;
                    i = raw + 1;
                    break;
                default:
                    i++;
                    break;
            }
        }
        return -1;
    }

    /// <summary>Past a Go string or character literal starting at <paramref name="i"/>; -1 when it is not closed on its line.</summary>
    private static int SkipQuoted(string text, int i, char quote)
    {
        for (int j = i + 1; j < text.Length; j++)
        {
            char c = text[j];
            if (c == '\\') { j++; continue; }
            if (c == quote) return j + 1;
            if (c == '\n') return -1;
        }
        return -1;
    }

    private static bool EndsWithKey(string text, int from, int to)
    {
        int i = to - 1;
        while (i >= from && text[i] is ' ' or '\t') i--;
        return i >= from && text[i] == ':';
    }

    /// <summary>The column of a line's first key, past sequence dashes (<c>- name:</c> is at column 2).</summary>
    private static int KeyColumn(string text, int lineStart)
    {
        int i = lineStart;
        while (i < text.Length && (text[i] == ' ' || (text[i] == '-' && i + 1 < text.Length && text[i + 1] == ' '))) i++;
        return i - lineStart;
    }

    private static int Indent(string text, int lineStart)
    {
        int i = lineStart;
        while (i < text.Length && text[i] == ' ') i++;
        return i - lineStart;
    }

    /// <summary>The indentation of the first line after <paramref name="lineEnd"/> that holds anything; -1 when none does.</summary>
    private static int NextContentIndent(string text, int lineEnd)
    {
        int i = lineEnd;
        while (i < text.Length)
        {
            if (text[i] == '\n')
            {
                int start = i + 1;
                int indent = Indent(text, start);
                int at = start + indent;
                if (at < text.Length && text[at] is not ('\n' or '\r' or '\t')) return indent;
                i = at;
                continue;
            }
            i++;
        }
        return -1;
    }

    private static int LineStart(string text, int at)
    {
        int nl = at == 0 ? -1 : text.LastIndexOf('\n', at - 1);
        return nl + 1;
    }

    private static int LineEnd(string text, int at)
    {
        int nl = text.IndexOf('\n', at);
        return nl < 0 ? text.Length : nl;
    }

    private static bool IsBlank(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (text[i] is not (' ' or '\t' or '\r')) return false;
        return true;
    }
}
