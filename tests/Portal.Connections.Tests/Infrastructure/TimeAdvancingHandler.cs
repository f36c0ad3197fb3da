using Microsoft.Extensions.Time.Testing;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>Simulates network latency on the fake clock: time moves on while the response is in flight.</summary>
internal sealed class TimeAdvancingHandler(FakeTimeProvider time, TimeSpan latency) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        time.Advance(latency);
        return response;
    }
}
