namespace Portal.Scripting.Syntax.Nodes;

internal enum StatementKind
{
    Assignment,
    Expression,
    Info,
    Return,
    If,
    ForEach,
    Try,
    Break,
    Continue,
    Block,
    SendMail,
}
