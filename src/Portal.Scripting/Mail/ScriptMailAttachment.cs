namespace Portal.Scripting.Mail;

public sealed record ScriptMailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
