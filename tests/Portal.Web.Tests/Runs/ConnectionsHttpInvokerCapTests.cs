using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Connections.Egress;
using Portal.Scripting.Http;
using Portal.Web.ConnectionsHost;

namespace Portal.Web.Tests.Runs;

/// <summary>The portal's invokeUrl stops reading an answer once it passes the cap, whether or not the server announced its size.</summary>
public sealed class ConnectionsHttpInvokerCapTests
{
    private const int Cap = 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_over_the_cap_is_a_runtime_error_naming_the_host_and_the_limit(bool announced) // SEC-24
    {
        var invoker = Invoker(new string('x', Cap + 1), announced);

        var answer = await invoker.InvokeAsync(new HttpInvocationRequest { Method = "GET", Url = "https://api.example.com/big" }, CancellationToken.None);

        Assert.Equal(0, answer.StatusCode);
        Assert.StartsWith("response from api.example.com is larger than 0 MB; ask the API for less data", answer.Failure!.Message, StringComparison.Ordinal);
        Assert.StartsWith("response from api.example.com is larger than 0 MB", answer.Trace!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_at_the_cap_is_read_whole()
    {
        var invoker = Invoker(new string('x', Cap), announced: false);

        var response = await invoker.InvokeAsync(new HttpInvocationRequest { Method = "GET", Url = "https://api.example.com/ok" }, CancellationToken.None);

        Assert.Equal(Cap, response.Body!.Length);
    }

    private static ConnectionsHttpInvoker Invoker(string body, bool announced)
    {
        var policy = new EgressUrlPolicy(new EgressAllowList(Options.Create(new EgressOptions()), NullLogger<EgressAllowList>.Instance));
        return new ConnectionsHttpInvoker(new Clients(new Answer(body, announced)), policy, new PortalConnectionsWording(), Portal.Connections.Credentials.ConnectionUseContext.ForUser("user-1"), TimeSpan.FromSeconds(5), Cap);
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class Answer(string body, bool announced) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Without an announced length the cap must be enforced while streaming.
            HttpContent content = announced ? new StringContent(body) : new StreamContent(new UnannouncedStream(System.Text.Encoding.UTF8.GetBytes(body)));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class UnannouncedStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
