using Bunit;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class RunHistoryOriginTests : PortalComponentTestContext
{
    [Fact]
    public void Each_run_shows_whether_it_came_from_the_editor_an_api_key_a_token_or_a_schedule()
    {
        FunctionRunRecord[] runs =
        [
            new() { Id = 4, UserId = "alice", Origin = FunctionRunOrigin.Schedule },
            new() { Id = 3, UserId = "alice", Origin = FunctionRunOrigin.ApiKey },
            new() { Id = 2, UserId = "bob", Origin = FunctionRunOrigin.Token },
            new() { Id = 1, UserId = "alice", Origin = FunctionRunOrigin.Editor },
        ];

        var history = Render<RunHistory>(p => p.Add(x => x.Runs, runs));

        Assert.Equal(["Schedule", "API key", "Token", "Editor"], history.FindAll("[data-testid=history-origin]").Select(c => c.TextContent));
    }
}
