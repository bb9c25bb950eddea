using System;
using System.Collections.Generic;
using System.IO;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Firebreak.Core.Languages.Yaml;

/// <summary>
/// Builds <see cref="YamlFile"/> from YamlDotNet's event stream. A syntax error ends the tree where it occurred:
/// what was built before it is kept and the error becomes a diagnostic. The node count is bounded.
/// </summary>
public static class YamlParser
{
    /// <summary>More nodes than any real configuration has; beyond it the rest of the file is not modelled.</summary>
    public const int MaxNodes = 2_000_000;

    /// <summary>Deeper nesting than any real configuration has; guards the builder's stack.</summary>
    public const int MaxDepth = 500;

    public static YamlFile Parse(string text)
    {
        // Most files are plain block YAML, which the block reader reads into the same tree. It is charged what
        // YamlDotNet's events would have cost; a file that would overrun the budget (or the node limit) makes it stop
        // building and leave the file to the parser below, which stops where the budget ends, with its note.
        long limit = Math.Min(WorkBudget.Remaining(Budget.Nodes), MaxNodes);
        if (YamlBlockReader.TryRead(text, limit, out long events) is { } read)
        {
            WorkBudget.Charge(Budget.Nodes, events);
            return read;
        }
        return ParseEvents(text);
    }

    /// <summary>YamlDotNet's reading: every file the block reader gives up on, and the reference it is tested against.</summary>
    internal static YamlFile ParseEvents(string text)
    {
        var documents = new List<YamlDocument>();
        var comments = new List<YamlComment>();
        var diagnostics = new List<SyntaxDiagnostic>();
        var builder = new TreeBuilder(text, comments);
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
            while (parser.MoveNext())
            {
                WorkBudget.Charge(Budget.Nodes);
                var evt = parser.Current;
                if (evt is null) continue;
                var done = builder.Accept(evt);
                if (done is not null) documents.Add(done);
                if (builder.NodeCount > MaxNodes)
                {
                    diagnostics.Add(new SyntaxDiagnostic(new TextSpan(Offset(text, evt.Start), 0), $"more than {MaxNodes} YAML nodes; the rest of the file is not analyzed"));
                    break;
                }
            }
        }
        catch (YamlException ex)
        {
            int at = Offset(text, ex.Start);
            diagnostics.Add(new SyntaxDiagnostic(new TextSpan(at, 0), CleanMessage(ex)));
            var partial = builder.Salvage();
            if (partial is not null) documents.Add(partial);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet's scanner throws these, not YamlException, on some malformed input (e.g. "on: [push\njobs:  b: [x").
            // The input is broken, not our state: keep what was built and report where the parser had got to.
            diagnostics.Add(new SyntaxDiagnostic(new TextSpan(builder.LastOffset, 0), "invalid YAML: the parser could not continue past this point"));
            var partial = builder.Salvage();
            if (partial is not null) documents.Add(partial);
        }
        catch (BudgetExceededException ex)
        {
            // What was read before the budget ran out is analyzed; a note says where it stopped.
            diagnostics.Add(new SyntaxDiagnostic(new TextSpan(builder.LastOffset, 0), $"the file exceeds {ex.Message}; the rest of it is not analyzed"));
            var partial = builder.Salvage();
            if (partial is not null) documents.Add(partial);
            WorkBudget.Forgive();
        }
        catch (DepthExceededException ex)
        {
            diagnostics.Add(new SyntaxDiagnostic(new TextSpan(ex.Offset, 0), $"YAML nested deeper than {MaxDepth} levels; the rest of the file is not analyzed"));
            var partial = builder.Salvage();
            if (partial is not null) documents.Add(partial);
        }
        return new YamlFile(documents, comments, diagnostics);
    }

    internal static int Offset(string text, Mark mark)
    {
        long index = mark.Index;
        if (index < 0) return 0;
        return index > text.Length ? text.Length : (int)index;
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (…): "; our note gives the position itself.
        var message = ex.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(", StringComparison.Ordinal) && cut > 0)
        {
            int second = message.IndexOf("): ", cut + 3, StringComparison.Ordinal);
            message = message.Substring((second > 0 ? second : cut) + 3);
        }
        return "invalid YAML: " + message.Trim();
    }

    private sealed class DepthExceededException : Exception
    {
        public DepthExceededException(int offset) => Offset = offset;
        public int Offset { get; }
    }

    private sealed class TreeBuilder
    {
        private readonly string _text;
        private readonly List<YamlComment> _comments;
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private YamlNode? _root;

        public TreeBuilder(string text, List<YamlComment> comments)
        {
            _text = text;
            _comments = comments;
        }

        public int NodeCount { get; private set; }

        /// <summary>Where the last event ended: the best position to report when the parser gives up.</summary>
        public int LastOffset { get; private set; }

        public YamlDocument? Accept(ParsingEvent evt)
        {
            LastOffset = Math.Max(LastOffset, Offset(_text, evt.End));
            switch (evt)
            {
                case Comment comment:
                    int start = Offset(_text, comment.Start);
                    int end = Offset(_text, comment.End);
                    // The mark points at '#'; keep the span on the comment even when a scanner puts it elsewhere.
                    int hash = _text.IndexOf('#', start);
                    if (hash >= 0 && (hash <= end || end <= start)) start = hash;
                    int lineEnd = _text.IndexOfAny(new[] { '\n', '\r' }, start);
                    if (lineEnd < 0) lineEnd = _text.Length;
                    _comments.Add(new YamlComment(TextSpan.FromBounds(start, lineEnd), comment.Value));
                    return null;
                case DocumentStart:
                    _stack.Clear();
                    _anchors.Clear();
                    _root = null;
                    return null;
                case DocumentEnd:
                    var document = new YamlDocument(_root);
                    _root = null;
                    return document;
                case Scalar scalar:
                    Add(new YamlScalar(SpanOf(scalar), StringTable.Share(scalar.Value), StyleOf(scalar.Style), AnchorOf(scalar.Anchor), TagOf(scalar.Tag)));
                    return null;
                case AnchorAlias alias:
                    _anchors.TryGetValue(alias.Value.Value, out var target);
                    Add(new YamlAlias(SpanOf(alias), alias.Value.Value, target));
                    return null;
                case MappingStart mappingStart:
                    Push(new Frame(mappingStart, isMapping: true));
                    return null;
                case SequenceStart sequenceStart:
                    Push(new Frame(sequenceStart, isMapping: false));
                    return null;
                case MappingEnd mappingEnd:
                    Add(_stack.Pop().BuildMapping(_text, Offset(_text, mappingEnd.End)));
                    return null;
                case SequenceEnd sequenceEnd:
                    Add(_stack.Pop().BuildSequence(_text, Offset(_text, sequenceEnd.End)));
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>After an error: close every open collection with what it has, and return the document.</summary>
        public YamlDocument? Salvage()
        {
            while (_stack.Count > 0)
            {
                var frame = _stack.Pop();
                int end = frame.LastEnd;
                Add(frame.IsMapping ? frame.BuildMapping(_text, end) : frame.BuildSequence(_text, end));
            }
            return _root is null ? null : new YamlDocument(_root);
        }

        private void Push(Frame frame)
        {
            if (_stack.Count >= MaxDepth) throw new DepthExceededException(frame.Start);
            _stack.Push(frame);
        }

        private void Add(YamlNode node)
        {
            NodeCount++;
            if (node.Anchor is not null) _anchors[node.Anchor] = node;
            if (_stack.Count == 0)
            {
                _root = node;
                return;
            }
            _stack.Peek().Add(node);
        }

        private TextSpan SpanOf(ParsingEvent evt)
        {
            int start = Offset(_text, evt.Start);
            int end = Offset(_text, evt.End);
            return end < start ? new TextSpan(start, 0) : TextSpan.FromBounds(start, end);
        }

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
        private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

        private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };

        private sealed class Frame
        {
            private readonly List<YamlNode> _items = new();
            private readonly string? _anchor;
            private readonly string? _tag;

            public Frame(NodeEvent start, bool isMapping)
            {
                IsMapping = isMapping;
                Start = (int)Math.Max(0, start.Start.Index);
                LastEnd = (int)Math.Max(Start, start.End.Index);
                _anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                _tag = start.Tag.IsEmpty ? null : start.Tag.Value;
            }

            public bool IsMapping { get; }
            public int Start { get; }
            public int LastEnd { get; private set; }

            public void Add(YamlNode node)
            {
                _items.Add(node);
                LastEnd = Math.Max(LastEnd, node.Span.End);
            }

            public YamlMapping BuildMapping(string text, int end)
            {
                var pairs = new List<YamlPair>(_items.Count / 2);
                for (int i = 0; i + 1 < _items.Count; i += 2) pairs.Add(new YamlPair(_items[i], _items[i + 1]));
                if (_items.Count % 2 == 1)
                {
                    // A key whose value never came (the file ended or broke): keep the key with a null value.
                    var key = _items[_items.Count - 1];
                    pairs.Add(new YamlPair(key, new YamlScalar(new TextSpan(key.Span.End, 0), string.Empty, YamlScalarStyle.Plain, null, null)));
                }
                return new YamlMapping(Span(text, end), pairs, _anchor, _tag);
            }

            public YamlSequence BuildSequence(string text, int end) => new(Span(text, end), _items.ToArray(), _anchor, _tag);

            private TextSpan Span(string text, int end)
            {
                end = Math.Min(Math.Max(end, Math.Max(Start, LastEnd)), text.Length);
                return TextSpan.FromBounds(Math.Min(Start, end), end);
            }
        }
    }
}
