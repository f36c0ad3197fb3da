using Portal.Web.Functions;
using Portal.Web.Functions.Editor;

namespace Portal.Web.Tests.Functions;

/// <summary>Pasting a whole exported function, header included, into the editor and saving it.</summary>
public sealed class FunctionHeaderServiceTests : IDisposable
{
    private readonly FunctionTestDatabase database = new();
    private readonly FunctionService service;

    public FunctionHeaderServiceTests() => service = new FunctionService(database.Factory, database.Audit, database.Time);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Saving_pasted_code_with_a_header_takes_the_arguments_from_the_header()
    {
        var created = (await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Update deal", "update_deal", null, [new("old", "text")]))).Function!;

        var saved = await service.UpdateAsync(
            FunctionTestDatabase.Alice, created.Id, "void automation.update_deal(int dealId, Map data, bool force)\n{\n  info dealId;\n}", created.Arguments, created.ConcurrencyStamp);

        Assert.True(saved.Succeeded, saved.Error);
        Assert.Equal([new FunctionArgument("dealId", "number"), new FunctionArgument("data", "map"), new FunctionArgument("force", "boolean")], saved.Function!.Arguments);
    }

    [Fact]
    public async Task Saving_a_header_that_names_another_function_is_refused_with_both_names()
    {
        var created = (await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Update deal", "update_deal", null, []))).Function!;

        var saved = await service.UpdateAsync(FunctionTestDatabase.Alice, created.Id, "void automation.sync_deal()\n{\n}", [], created.ConcurrencyStamp);

        Assert.Equal("The code's header names the function sync_deal (line 1), but its API name is update_deal. Rename the header to update_deal(…) or deploy the code as sync_deal.", saved.Error);
    }

    [Fact]
    public async Task Creating_from_code_with_a_header_declares_its_arguments()
    {
        var created = await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Greet", "greet", null, [], "string standalone.Greet(String name)\n{\n  return \"hi \" + name;\n}"));

        Assert.True(created.Succeeded, created.Error);
        Assert.Equal([new FunctionArgument("name", "text")], created.Function!.Arguments);
    }

    [Fact]
    public async Task A_header_argument_of_a_type_the_portal_cannot_take_is_refused_with_its_name()
    {
        var created = await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Upload", "upload", null, [], "void standalone.upload(file doc)\n{\n}"));

        Assert.Equal("Argument doc of upload has type file, which portal functions cannot take. Declare it as string, int, decimal, bool, date, map or list.", created.Error);
    }

    [Fact]
    public void Warnings_become_warning_markers_and_errors_error_markers()
    {
        var markers = FunctionDiagnostics.Analyze("x = 1;\nif(x = 1)\n{\n  y = ;\n}");

        Assert.Equal([(2, EditorMarker.Warning), (4, EditorMarker.Error)], markers.Select(m => (m.StartLineNumber, m.Severity)).ToList());
        Assert.True(markers[0].IsWarning);
        Assert.Contains("write '=='", markers[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_of_a_pack_the_portal_lacks_is_a_warning_squiggle_under_the_task_name()
    {
        var marker = Assert.Single(FunctionDiagnostics.Analyze("r = zoho.desk.getRecords(\"tickets\");"));

        Assert.Equal(EditorMarker.Warning, marker.Severity);
        Assert.Equal((1, 5, 1, 5 + "zoho.desk.getRecords".Length), (marker.StartLineNumber, marker.StartColumn, marker.EndLineNumber, marker.EndColumn));
        Assert.StartsWith("task 'zoho.desk.getRecords' belongs to Zoho Desk", marker.Message, StringComparison.Ordinal);
    }
}
