using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Web.Components.Pages.Functions;
using Portal.Web.Functions;
using Portal.Web.Functions.Editor;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Functions;

public sealed class InsertInvokeUrlDialogTests : PortalComponentTestContext
{
    private static readonly IReadOnlyList<ConnectionChoice> Connections =
    [
        new("team_sheets", "Team Sheets", "Sandbox Sheets", null, "https://sheets.sandbox.local/api/", "Connected"),
    ];

    [Fact]
    public async Task Picking_a_connection_prefills_the_url_and_adds_the_connection_key()
    {
        var (host, dialog) = await OpenAsync();
        var connection = host.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Connection");

        await host.InvokeAsync(() => connection.Instance.ValueChanged.InvokeAsync("team_sheets"));

        await host.WaitForAssertionAsync(() => Assert.Contains("url: \"https://sheets.sandbox.local/api/\"", Preview(host), StringComparison.Ordinal));
        Assert.Contains("connection: \"team_sheets\"", Preview(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Method_headers_json_body_and_detailed_show_in_the_preview_and_are_inserted()
    {
        var (host, dialog) = await OpenAsync();
        var method = host.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Method");
        await host.InvokeAsync(() => method.Instance.ValueChanged.InvokeAsync("POST"));
        host.Find("input[data-testid=invoke-url]").Input("https://api.example.com/rows");
        await host.InvokeAsync(() => host.Find("[data-testid=invoke-headers-add]").Click());
        host.Find("input[data-testid=invoke-headers-key]").Input("Accept");
        host.Find("input[data-testid=invoke-headers-value]").Input("application/json");
        await host.InvokeAsync(() => host.Find("[data-testid=invoke-parameters-add]").Click());
        host.Find("input[data-testid=invoke-parameters-key]").Input("name");
        host.Find("input[data-testid=invoke-parameters-value]").Input("Ada");
        var bodyType = host.FindComponent<MudRadioGroup<InvokeUrlBodyType>>();
        await host.InvokeAsync(() => bodyType.Instance.ValueChanged.InvokeAsync(InvokeUrlBodyType.Json));
        var detailed = host.FindComponent<MudSwitch<bool>>();
        await host.InvokeAsync(() => detailed.Instance.ValueChanged.InvokeAsync(true));

        await host.InvokeAsync(() => host.Find("[data-testid=invoke-insert]").Click());

        var result = await dialog.Result;
        var expected = InvokeUrlSnippetGenerator.Generate(new InvokeUrlSnippetOptions
        {
            Method = "POST",
            Url = "https://api.example.com/rows",
            Headers = [new("Accept", "application/json")],
            Parameters = [new("name", "Ada")],
            BodyType = InvokeUrlBodyType.Json,
            Detailed = true,
        });
        Assert.Equal(expected, result!.Data);
        Assert.Contains("content-type: \"application/json\"", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raw_body_replaces_the_parameter_rows()
    {
        var (host, _) = await OpenAsync();
        var method = host.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Method");
        await host.InvokeAsync(() => method.Instance.ValueChanged.InvokeAsync("PUT"));
        var bodyType = host.FindComponent<MudRadioGroup<InvokeUrlBodyType>>();

        await host.InvokeAsync(() => bodyType.Instance.ValueChanged.InvokeAsync(InvokeUrlBodyType.Raw));
        host.Find("textarea[data-testid=invoke-raw-body]").Input("hello");

        await host.WaitForAssertionAsync(() => Assert.Contains("body: \"hello\"", Preview(host), StringComparison.Ordinal));
        Assert.Empty(host.FindAll("[data-testid=invoke-parameters]"));
    }

    private static string Preview(IRenderedComponent<MudDialogProvider> host) => host.Find("[data-testid=invoke-preview]").TextContent;

    private async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> OpenAsync()
    {
        var host = RenderDialogHost();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await host.InvokeAsync(async () => reference = await dialogs.ShowAsync<InsertInvokeUrlDialog>(
            "Insert invokeUrl",
            new DialogParameters<InsertInvokeUrlDialog> { { d => d.Connections, Connections } }));
        await host.WaitForElementAsync("[data-testid=invoke-preview]");
        return (host, reference!);
    }
}
