using Portal.Scripting;
using Portal.Scripting.Values;
using Portal.Web.Integrations;

namespace Portal.Web.Tests.Integrations;

/// <summary>zoho.crm call signatures → HTTP requests, and answers → the values Deluge returns.</summary>
public sealed class IntegrationMappingTests
{
    private static readonly IntegrationPack Zoho = IntegrationPackCatalog.BuiltIn().Find("zoho.crm")!;

    [Fact]
    public void GetRecords_with_only_a_module_asks_for_the_first_page_of_200()
    {
        var request = Build("getRecords", ScriptValue.Text("Leads"));

        Assert.Equal(new IntegrationRequest("GET", "Leads?page=1&per_page=200", null), request);
    }

    [Fact]
    public void GetRecords_passes_page_size_and_the_query_map()
    {
        var query = ScriptValue.Map([new("sort_by", ScriptValue.Text("Modified_Time")), new("fields", ScriptValue.List([ScriptValue.Text("Email"), ScriptValue.Text("Company")]))]);

        var request = Build("getRecords", ScriptValue.Text("Leads"), ScriptValue.Number(2), ScriptValue.Number(50), query);

        Assert.Equal("Leads?page=2&per_page=50&sort_by=Modified_Time&fields=Email%2CCompany", request.RelativeUrl);
    }

    [Fact]
    public void SearchRecords_encodes_the_criteria()
    {
        var request = Build("searchRecords", ScriptValue.Text("Leads"), ScriptValue.Text("(Last_Name:equals:Love lace)"));

        Assert.Equal("Leads/search?criteria=%28Last_Name%3Aequals%3ALove%20lace%29&page=1&per_page=200", request.RelativeUrl);
    }

    [Fact]
    public void GetRelatedRecords_puts_the_parent_first_and_accepts_a_numeric_id()
    {
        var request = Build("getRelatedRecords", ScriptValue.Text("Deals"), ScriptValue.Text("Contacts"), ScriptValue.Number(5843104000000425001));

        Assert.Equal("Contacts/5843104000000425001/Deals?page=1&per_page=200", request.RelativeUrl);
    }

    [Fact]
    public void CreateRecord_wraps_the_record_in_data_and_merges_the_options_map()
    {
        var record = ScriptValue.Map([new("Last_Name", ScriptValue.Text("Hopper")), new("Amount", ScriptValue.Number(5))]);
        var options = ScriptValue.Map([new("trigger", ScriptValue.List([ScriptValue.Text("workflow")]))]);

        var request = Build("createRecord", ScriptValue.Text("Leads"), record, options);

        Assert.Equal("POST", request.Method);
        Assert.Equal("Leads", request.RelativeUrl);
        Assert.Equal("""{"data":[{"Last_Name":"Hopper","Amount":5}],"trigger":["workflow"]}""", request.JsonBody);
    }

    [Fact]
    public void A_trailing_text_after_all_parameters_is_the_connection_override()
    {
        var bound = IntegrationArguments.Bind(Zoho, Zoho.FindTask("getRecordById")!, [ScriptValue.Text("Leads"), ScriptValue.Text("42"), ScriptValue.Text("my_crm")]);

        Assert.Equal("my_crm", bound.ConnectionLinkName);
        Assert.Equal("42", bound.Values["id"].ToDisplayString());
    }

    [Fact]
    public void A_wrong_argument_type_names_the_parameter_and_how_to_fix_it()
    {
        var error = Assert.Throws<ScriptHostException>(() => Build("createRecord", ScriptValue.Text("Leads"), ScriptValue.Text("Last_Name=Hopper")));

        Assert.Equal("zoho.crm.createRecord: argument 'record_map' must be a MAP but got TEXT (Last_Name=Hopper); build it with Map() and put() or {\"Field\": value}", error.Message);
    }

    [Fact]
    public void A_missing_required_argument_shows_the_signature()
    {
        var error = Assert.Throws<ScriptHostException>(() => Build("getRecordById", ScriptValue.Text("Leads")));

        Assert.Equal("zoho.crm.getRecordById needs the argument 'id' (a record id (TEXT or NUMBER)); call it as zoho.crm.getRecordById(module, id)", error.Message);
    }

    [Fact]
    public void Too_many_arguments_are_refused()
    {
        var error = Assert.Throws<ScriptHostException>(() => Build("deleteRecord", ScriptValue.Text("Leads"), ScriptValue.Text("1"), ScriptValue.Text("conn"), ScriptValue.Text("x")));

        Assert.StartsWith("zoho.crm.deleteRecord takes at most 2 arguments (module, id) plus an optional connection name, but got 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AttachFile_sends_the_file_as_the_multipart_field_file_to_the_records_attachments()
    {
        var file = new ScriptFile("scan.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46, 0xFF]);

        var request = Build("attachFile", ScriptValue.Text("Contacts"), ScriptValue.Number(5843104000000425001), file);

        Assert.Equal(("POST", "Contacts/5843104000000425001/Attachments", null), (request.Method, request.RelativeUrl, request.JsonBody));
        var boundary = request.MultipartContentType![("multipart/form-data; boundary=".Length)..];
        var head = System.Text.Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        var tail = System.Text.Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        Assert.Equal([.. head, .. file.Content, .. tail], request.MultipartBody!);
        Assert.Equal("multipart/form-data; file: file \"scan.pdf\" (application/pdf, 5 bytes)", request.MultipartPreview);
    }

    [Fact]
    public void AttachFile_with_text_instead_of_a_file_names_the_parameter_and_where_files_come_from()
    {
        var error = Assert.Throws<ScriptHostException>(() => Build("attachFile", ScriptValue.Text("Contacts"), ScriptValue.Text("1"), ScriptValue.Text("report.pdf")));

        Assert.Equal("zoho.crm.attachFile: argument 'file' must be a FILE but got TEXT (report.pdf); download the file with invokeUrl (a binary answer is a FILE) or make one with toFile(text, \"name.txt\")", error.Message);
    }

    [Fact]
    public void No_content_is_an_empty_list_for_list_tasks_and_an_empty_map_for_record_tasks()
    {
        Assert.Equal("[]", Read("getRecords", 204, "").ToJson());
        Assert.Equal("{}", Read("getRecordById", 204, "").ToJson());
    }

    [Fact]
    public void A_record_list_is_the_data_array()
    {
        var value = Read("getRecords", 200, """{"data":[{"id":"1","Last_Name":"A"},{"id":"2","Last_Name":"B"}],"info":{"more_records":false}}""");

        Assert.Equal("""[{"id":"1","Last_Name":"A"},{"id":"2","Last_Name":"B"}]""", value.ToJson());
    }

    [Fact]
    public void Create_returns_the_details_map_and_a_failed_record_returns_its_error_map()
    {
        var created = Read("createRecord", 201, """{"data":[{"code":"SUCCESS","details":{"Created_Time":"2026-11-28T13:40:00+00:00","id":"77"},"message":"record added","status":"success"}]}""");
        var failed = Read("createRecord", 400, """{"data":[{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name"},"message":"required field not found","status":"error"}]}""");

        Assert.Equal("""{"Created_Time":"2026-11-28T13:40:00+00:00","id":"77"}""", created.ToJson());
        Assert.Equal("""{"code":"MANDATORY_NOT_FOUND","message":"required field not found","status":"error","details":{"api_name":"Last_Name"}}""", failed.ToJson());
    }

    [Fact]
    public void A_request_level_error_is_returned_as_the_zoho_error_map()
    {
        var value = Read("getRecords", 401, """{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}""");

        Assert.Equal("""{"code":"INVALID_TOKEN","message":"invalid oauth token","status":"error","details":{}}""", value.ToJson());
    }

    [Fact]
    public void A_non_json_failure_still_returns_an_error_map_with_the_http_status()
    {
        var value = (ScriptMap)Read("getRecords", 502, "<html>Bad gateway</html>");

        Assert.Equal("HTTP_502", value["code"]!.ToDisplayString());
        Assert.Equal("error", value["status"]!.ToDisplayString());
        Assert.Equal("<html>Bad gateway</html>", value["message"]!.ToDisplayString());
    }

    private static IntegrationRequest Build(string task, params ScriptValue[] arguments)
    {
        var definition = Zoho.FindTask(task)!;
        return IntegrationRequestBuilder.Build(definition, IntegrationArguments.Bind(Zoho, definition, arguments));
    }

    private static ScriptValue Read(string task, int status, string body) => IntegrationResponseReader.Read(Zoho, Zoho.FindTask(task)!, status, body);
}
