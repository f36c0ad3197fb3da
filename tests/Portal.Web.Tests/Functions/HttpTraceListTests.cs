using Bunit;
using Portal.Scripting.Http;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class HttpTraceListTests : PortalComponentTestContext
{
    [Fact]
    public void An_integration_task_call_is_marked_with_the_identity_it_ran_as_and_ordinary_calls_are_not()
    {
        HttpTraceEntry[] trace =
        [
            new() { Method = "GET", Url = "http://127.0.0.1:5100/crm/v8/Leads?page=1&per_page=200", StatusCode = 200, ConnectionLinkName = "org_crm", RanAs = "admin (admin@test.local) via integration zoho.crm" },
            new() { Method = "GET", Url = "http://127.0.0.1:5100/api/echo/whoami", StatusCode = 200, ConnectionLinkName = "echo" },
        ];

        var list = Render<HttpTraceList>(p => p.Add(t => t.Trace, trace));

        var mark = Assert.Single(list.FindAll("[data-testid=trace-ran-as]"));
        Assert.Equal("as admin", mark.TextContent.Trim());
        Assert.Equal("Ran as admin (admin@test.local) via integration zoho.crm", mark.GetAttribute("title"));
        Assert.Equal(2, list.FindAll("[data-testid=trace-entry]").Count);
    }
}
