using System.Text.Json;
using Portal.Scripting.Http;
using Portal.Scripting.Tests.Support;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Http;

/// <summary>
/// FILE values over real HTTP: binary answers become files (Zoho: deluge/help/file/get-file-name.html, get-file-type.html,
/// get-file-size.html) and files: sends them as multipart/form-data under their setParamName name.
/// </summary>
public sealed class FileValueTests(LocalHttpServer server) : IClassFixture<LocalHttpServer>, IDisposable
{
    private readonly HttpClientInvoker _invoker = new(timeout: TimeSpan.FromSeconds(20), maxResponseBytes: 5 * 1024 * 1024);

    public void Dispose() => _invoker.Dispose();

    [Fact]
    public async Task A_binary_answer_is_a_file_named_by_content_disposition_with_its_type_and_bytes()
    {
        var result = await RunAsync("""
            f = invokeUrl [ url: "{BASE}/files/pixel" type: GET ];
            info f;
            return {"isFile": f.isFile(), "name": f.getFileName(), "type": f.getFileType(), "size": f.getFileSize(), "text": f.toString()};
            """);

        var map = Map(result);
        Assert.Equal("true", map["isFile"]!.ToDisplayString());
        Assert.Equal("pixel.png", map["name"]!.ToDisplayString());
        Assert.Equal("image/png", map["type"]!.ToDisplayString());
        Assert.Equal(LocalHttpServer.Pixel.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), map["size"]!.ToDisplayString());
        Assert.Equal(["pixel.png (image/png, 260 bytes)"], result.Info);
        Assert.Equal("(file: 260 bytes of image/png; bytes not shown)", Assert.Single(result.HttpCalls).ResponseBodyPreview);
    }

    [Fact]
    public async Task Without_content_disposition_the_file_is_named_after_the_url_and_an_attachment_of_text_is_a_file_too()
    {
        var result = await RunAsync("""
            pdf = invokeUrl [ url: "{BASE}/files/report.pdf" type: GET ];
            csv = invokeUrl [ url: "{BASE}/files/export" type: GET ];
            plain = invokeUrl [ url: "{BASE}/files/notes" type: GET ];
            return [pdf.getFileName(), pdf.getFileType(), csv.getFileName(), csv.getFileContent(), plain.isFile(), plain];
            """);

        Assert.Null(result.Error);
        Assert.Equal("[\"report.pdf\",\"application/pdf\",\"export.csv\",\"id,name\\n1,Ada\",false,\"a,b\\n1,2\"]", result.ReturnValue!.ToJson());
    }

    [Fact]
    public async Task A_downloaded_file_is_uploaded_byte_for_byte_under_its_param_name_with_parameters_as_fields()
    {
        var result = await RunAsync("""
            f = invokeUrl [ url: "{BASE}/files/pixel" type: GET ];
            f.setParamName("upload");
            f.setFileName("copy.png");
            return invokeUrl [ url: "{BASE}/multipart" type: POST parameters: {"folder": "photos"} files: f ];
            """);

        var answer = JsonDocument.Parse(Map(result).ToJson()).RootElement;
        Assert.Equal("photos", answer.GetProperty("fields").GetProperty("folder").GetString());
        var file = Assert.Single(answer.GetProperty("files").EnumerateArray().ToList());
        Assert.Equal("upload", file.GetProperty("name").GetString());
        Assert.Equal("copy.png", file.GetProperty("fileName").GetString());
        Assert.Equal("image/png", file.GetProperty("contentType").GetString());
        Assert.Equal(LocalHttpServer.Sha256(LocalHttpServer.Pixel), file.GetProperty("sha256").GetString());
        var sent = result.HttpCalls[1];
        Assert.Equal("multipart/form-data; folder: photos; upload: file \"copy.png\" (image/png, 260 bytes)", sent.RequestBodyPreview);
    }

    [Fact]
    public async Task Text_made_into_files_goes_out_as_several_parts_and_an_unnamed_file_under_file()
    {
        var result = await RunAsync("""
            a = "hello".toFile("a.txt");
            b = toFile("{\"k\":1}", "b.json");
            b.setParamName("data");
            b.setFileType("pdf");
            return invokeUrl [ url: "{BASE}/multipart" type: POST files: [a, b] ];
            """);

        var files = JsonDocument.Parse(Map(result).ToJson()).RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(("file", "a.txt", "text/plain", 5), (files[0].GetProperty("name").GetString(), files[0].GetProperty("fileName").GetString(), files[0].GetProperty("contentType").GetString(), files[0].GetProperty("length").GetInt32()));
        Assert.Equal(("data", "b.json", "application/pdf"), (files[1].GetProperty("name").GetString(), files[1].GetProperty("fileName").GetString(), files[1].GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task A_file_s_bytes_count_against_the_run_s_memory_budget()
    {
        var source = ScriptEngine.Compile(Script("""f = invokeUrl [ url: "{BASE}/files/large" type: GET ]; return f.getFileSize();"""));
        var host = TestHost.Create(_invoker);

        var tight = await ScriptEngine.RunAsync(source, null, host, new ScriptLimits { MaxMemoryBytes = 2 * 1024 * 1024 });
        var roomy = await ScriptEngine.RunAsync(source, null, host, new ScriptLimits { MaxMemoryBytes = 16 * 1024 * 1024 });

        Assert.StartsWith("memory limit exceeded", tight.Error?.Message, StringComparison.Ordinal);
        Assert.Null(roomy.Error);
        Assert.Equal("3145728", roomy.ReturnValue!.ToDisplayString());
    }

    [Fact]
    public async Task File_methods_on_text_or_a_non_file_in_files_are_runtime_errors_with_their_line()
    {
        var wrongReceiver = await RunAsync("""
            x = "plain";
            n = x.getFileName();
            """);
        var wrongPart = await RunAsync("""
            r = invokeUrl [ url: "{BASE}/multipart" type: POST
              files: 42 ];
            """);

        Assert.Equal(("TEXT has no method 'getFileName'; see the built-in list for TEXT methods, or convert the value first", 2), (wrongReceiver.Error?.Message, wrongReceiver.Error?.Line ?? 0));
        Assert.StartsWith("invokeUrl files: must be a FILE (from invokeUrl or toFile), a list of files", wrongPart.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(2, wrongPart.Error?.Line);
    }

    private string Script(string source) => source.Replace("{BASE}", server.BaseUrl, StringComparison.Ordinal);

    private async Task<RunResult> RunAsync(string source)
    {
        var script = ScriptEngine.Compile(Script(source));
        Assert.Empty(script.Diagnostics);
        return await ScriptEngine.RunAsync(script, null, TestHost.Create(_invoker));
    }

    private static ScriptMap Map(RunResult result)
    {
        Assert.Null(result.Error);
        return Assert.IsType<ScriptMap>(result.ReturnValue);
    }
}
