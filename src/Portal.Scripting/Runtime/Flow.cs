namespace Portal.Scripting.Runtime;

internal enum Flow
{
    Normal,
    Break,
    Continue,
    Return,
}
