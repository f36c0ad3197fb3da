namespace Portal.Scripting.Text;

/// <summary>Source text with a line index so diagnostics can report 1-based line and column.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    public (int Line, int Column) GetLineColumn(int position)
    {
        var index = Array.BinarySearch(_lineStarts, position);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, position - _lineStarts[line] + 1);
    }

    public int GetLine(int position) => GetLineColumn(position).Line;
}
