using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.ConnectionsUi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Connections;

/// <summary>bUnit context with the fake connections service, the popup bridge and a signed-in user of a given role.</summary>
public abstract class ConnectionsTestContext : PortalComponentTestContext
{
    internal FakeConnectionsUi Ui { get; } = new();

    internal FakeConnectionUseGrantsUi Grants { get; } = new();

    protected ConnectionsTestContext()
    {
        Services.AddSingleton<IConnectionsUi>(Ui);
        Services.AddSingleton<IConnectionUseGrantsUi>(Grants);
        Services.AddTransient<PopupBridge>();
    }

    protected void SignIn(string userId, params string[] roles) =>
        AddAuthorization().SetAuthorized(userId).SetRoles(roles).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
}
