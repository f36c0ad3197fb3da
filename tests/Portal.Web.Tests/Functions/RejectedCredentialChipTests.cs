using Bunit;
using Portal.Scripting.Http;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

/// <summary>Issue 16 item 3: a "succeeded" run whose call the provider refused says so next to its status.</summary>
public sealed class RejectedCredentialChipTests : PortalComponentTestContext
{
    private static HttpTraceEntry Call(int status, string? connection) =>
        new() { Method = "GET", Url = "http://127.0.0.1:5100/api/weather/v1/forecast?city=Lisbon", StatusCode = status, ConnectionLinkName = connection };

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public void A_run_whose_only_call_a_connections_api_refused_shows_a_warning_chip(int status)
    {
        var cut = Render<RejectedCredentialChip>(p => p.Add(x => x.Trace, [Call(status, "weather")]));

        Assert.Equal($"weather: credentials rejected ({status})", cut.Find("[data-testid=credential-rejected-chip]").TextContent.Trim());
    }

    [Fact]
    public void No_chip_for_an_accepted_call_a_401_without_a_connection_or_a_run_with_another_successful_call()
    {
        var accepted = Render<RejectedCredentialChip>(p => p.Add(x => x.Trace, [Call(200, "weather")]));
        var anonymous = Render<RejectedCredentialChip>(p => p.Add(x => x.Trace, [Call(401, null)]));
        var mixed = Render<RejectedCredentialChip>(p => p.Add(x => x.Trace, [Call(401, "weather"), Call(200, "weather")]));

        Assert.Empty(accepted.FindAll("[data-testid=credential-rejected-chip]"));
        Assert.Empty(anonymous.FindAll("[data-testid=credential-rejected-chip]"));
        Assert.Empty(mixed.FindAll("[data-testid=credential-rejected-chip]"));
    }
}
