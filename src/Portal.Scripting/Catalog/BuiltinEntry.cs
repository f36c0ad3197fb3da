namespace Portal.Scripting.Catalog;

/// <summary>One built-in for completion and hover: name, receiver, signature and a one-line description.</summary>
public sealed record BuiltinEntry(string Name, BuiltinReceiver Receiver, string Signature, string Doc);
