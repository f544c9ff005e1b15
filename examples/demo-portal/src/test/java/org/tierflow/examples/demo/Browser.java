package org.tierflow.examples.demo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One person's browser on the portal: keeps its cookies (the session that holds the switched-to user, the
 * language) and follows redirects after a form post with a GET, as a browser does.
 */
final class Browser {

    private final TestRestTemplate http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(TestRestTemplate http) {
        this.http = http.withRedirects(Redirects.DONT_FOLLOW);
    }

    /** Picks the user in the header's switcher. */
    Browser as(String userId) {
        Page page = post("/switch-user", Map.of("user", userId, "back", "/"));
        if (page.status().value() != 200) {
            throw new IllegalStateException("switching to " + userId + " answered " + page.status() + " at " + page.path() + ": " + page.text());
        }
        return this;
    }

    Page get(String path) {
        return follow(exchange(HttpMethod.GET, path, null), path);
    }

    Page post(String path, Map<String, String> form) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        return postForm(path, body);
    }

    /** Posts a form whose fields may repeat (ticked checkboxes). */
    Page postForm(String path, MultiValueMap<String, String> body) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return follow(remember(http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class)), path);
    }

    private Page follow(ResponseEntity<String> response, String path) {
        String at = path;
        for (int hops = 0; response.getStatusCode().is3xxRedirection(); hops++) {
            if (hops == 5) {
                throw new IllegalStateException("too many redirects from " + path);
            }
            URI location = response.getHeaders().getLocation();
            at = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
            response = exchange(HttpMethod.GET, at, null);
        }
        return new Page(response.getStatusCode(), response.getBody() == null ? "" : response.getBody(), at);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
        return remember(http.exchange(path, method, new HttpEntity<>(body, headers()), String.class));
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (!cookies.isEmpty()) {
            headers.add(HttpHeaders.COOKIE, cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return headers;
    }

    private ResponseEntity<String> remember(ResponseEntity<String> response) {
        List<String> set = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        for (String cookie : set) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return response;
    }

    /** A page as the browser ended on it: status, HTML and the path (after redirects). */
    record Page(HttpStatusCode status, String body, String path) {

        /** Every value of {@code data-<name>="…"} in the page, in order. */
        List<String> data(String name) {
            Matcher matcher = Pattern.compile("data-" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(body);
            return matcher.results().map(r -> r.group(1)).toList();
        }

        /** The HTML's text, tags removed and blanks collapsed, for assertions on what a person reads. */
        String text() {
            return body.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
                    .replaceAll("\\s+", " ");
        }
    }
}
