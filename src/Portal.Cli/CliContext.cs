using Portal.Scripting.Http;

namespace Portal.Cli;

/// <summary>What commands write to and use; tests pass string writers and their own invoker.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IHttpInvoker Http, CancellationToken CancellationToken);
