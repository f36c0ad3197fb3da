using Bunit;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class VersionsPanelTests : PortalComponentTestContext
{
    private static readonly IReadOnlyList<FunctionVersionSummary> Versions =
    [
        new(2, DateTimeOffset.UnixEpoch, "alice@test.local", null, "a = 1;\nb = 3;\nreturn b;", []),
        new(1, DateTimeOffset.UnixEpoch, "alice@test.local", "Created", "a = 1;\nb = 2;\nreturn b;", []),
    ];

    [Fact]
    public void The_previous_and_current_versions_are_compared_line_by_line()
    {
        RenderDialogHost();

        var panel = Render<VersionsPanel>(p => p.Add(x => x.Versions, Versions).Add(x => x.CanEdit, true));

        Assert.Equal(["a = 1;", "b = 2;", "b = 3;", "return b;"], panel.FindAll(".diff-line .diff-text").Select(l => l.TextContent));
        Assert.Single(panel.FindAll(".diff-removed"));
        Assert.Single(panel.FindAll(".diff-added"));
    }

    [Fact]
    public void Restore_is_offered_for_old_versions_to_editors_only()
    {
        var restored = new List<int>();
        RenderDialogHost();
        var panel = Render<VersionsPanel>(p => p.Add(x => x.Versions, Versions).Add(x => x.CanEdit, true).Add(x => x.Restore, n => restored.Add(n)));
        var readOnly = Render<VersionsPanel>(p => p.Add(x => x.Versions, Versions).Add(x => x.CanEdit, false));

        panel.Find("[data-testid=restore-version]").Click();

        Assert.Equal([1], restored);
        Assert.Empty(readOnly.FindAll("[data-testid=restore-version]"));
    }
}
