namespace Portal.Web.Functions.Running;

/// <summary>A piece of a run error: plain text, or an in-app link when <see cref="Href"/> is set.</summary>
internal sealed record RunErrorPart(string Text, string? Href = null);
