namespace Portal.Web.Functions;

/// <summary>One declared argument; Type is one of <see cref="FunctionArgumentTypes.All"/>.</summary>
public sealed record FunctionArgument(string Name, string Type);
