namespace Portal.Connections.Tests.Infrastructure;

internal sealed record ReceivedRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var v) ? v : null;
}
