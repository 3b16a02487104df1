using System;
using System.Text;

namespace FusedActivations.Generator.Emitting;

/// <summary>A small text writer that indents lines by four spaces per level and always writes '\n' line ends.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public int Indent
    {
        get => _indent;
        set => _indent = Math.Max(0, value);
    }

    /// <summary>Writes one line at the current indentation (an empty line has no trailing spaces).</summary>
    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes a line at column 0 whatever the indentation, as preprocessor directives read best.</summary>
    public IndentedWriter Directive(string text)
    {
        _builder.Append(text).Append('\n');
        return this;
    }

    /// <summary>Appends text written by another writer (already indented, ending with a line end).</summary>
    public IndentedWriter Raw(string text)
    {
        _builder.Append(text);
        return this;
    }

    /// <summary>Writes <c>{</c>, indents, and returns a scope whose disposal writes the matching <c>}</c>.</summary>
    public Block OpenBlock(string? header = null, string closing = "}")
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return new Block(this, closing);
    }

    public override string ToString() => _builder.ToString();

    internal readonly struct Block : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string _closing;

        public Block(IndentedWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_closing);
        }
    }
}
