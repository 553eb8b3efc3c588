package org.acervo.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acervo.build.OutputFile;

/**
 * Writes one language's index as classic scripts under {@code <lang>/search/}, so that they
 * load from file:// (where fetch and modules are blocked) as well as over http:
 *
 * <ul>
 *   <li>{@code index.js}, the manifest (stable name, loaded by the search page): analysis
 *       settings, the first term of every term shard, the first page number of every document
 *       shard, the filters with one value column per filter, and the other languages.</li>
 *   <li>{@code t-<hash>.js}: term shards, capped by bytes, in term order; each term with its
 *       postings (score level, in-title flag, page number gap) in a compact text code.</li>
 *   <li>{@code d-<hash>.js}: document shards, capped by bytes, in page-number order: title,
 *       path, date, excerpt.</li>
 * </ul>
 *
 * Shard names carry a hash of their content, so hosts may cache them forever. When the caps
 * would make more than one file per ten pages, the caps grow until they do not.
 */
final class IndexFiles {
    /** Excerpts are the page's summary, cut near this length at a word. */
    static final int EXCERPT_CHARS = 130;
    static final int TERM_SHARD_BYTES = 6_000;
    static final int DOC_SHARD_BYTES = 2_500;
    /** The code's digits: printable ASCII from '#' without the backslash, safe in a JS string. */
    static final String ALPHABET;
    /** Score levels: 0..43; a term in the title adds 44. Gaps: digits below 44 end a number. */
    static final int LEVELS = 44;

    static {
        StringBuilder a = new StringBuilder();
        for (char c = '#'; a.length() < 88; c++) if (c != '\\') a.append(c);
        ALPHABET = a.toString();
    }

    /** What the manifest says beyond the shards: settings, filters and cross-language links. */
    record Manifest(String lang, String languageName, SearchAnalyzer analyzer, List<Facet> facets, String titleTermCounts,
                    Map<String, String> otherLanguages, Map<String, String> languageNames, Map<String, Map<String, List<String>>> pairs) {}

    /** A filter: its values (id, label) and, per page in page-number order, the indexes of its values. */
    record Facet(String key, String label, List<String[]> values, List<int[]> perDoc) {}

    private final String dir;

    IndexFiles(String lang) {
        this.dir = SearchIndexer.folder(lang);
    }

    List<OutputFile> write(Manifest m, List<TermPostings> terms, List<SearchDocument> docs, int maxFiles) {
        float max = 0;
        for (TermPostings t : terms) for (float s : t.scores()) max = Math.max(max, s);
        List<String> termRecords = new ArrayList<>(terms.size() * 2);
        for (TermPostings t : terms) {
            termRecords.add(t.term());
            termRecords.add(postings(t, max));
        }
        List<String> docRecords = new ArrayList<>(docs.size());
        for (SearchDocument d : docs) {
            docRecords.add("[" + Js.string(d.title()) + "," + Js.string(d.path()) + "," + Js.string(d.date()) + ","
                    + Js.string(d.excerpt()) + "]");
        }
        int termCap = TERM_SHARD_BYTES;
        int docCap = DOC_SHARD_BYTES;
        List<List<Integer>> termShards;
        List<List<Integer>> docShards;
        while (true) {
            termShards = split(termRecords, 2, termCap);
            docShards = split(docRecords, 1, docCap);
            if (termShards.size() + docShards.size() + 1 <= Math.max(3, maxFiles)) break;
            termCap = termCap * 11 / 10;
            docCap = docCap * 11 / 10;
        }
        List<OutputFile> out = new ArrayList<>();
        List<String> firstTerms = new ArrayList<>();
        List<String> termFiles = new ArrayList<>();
        for (int i = 0; i < termShards.size(); i++) {
            List<Integer> shard = termShards.get(i);
            firstTerms.add(i == 0 ? "" : termRecords.get(shard.get(0)));
            StringBuilder body = new StringBuilder();
            for (int r : shard) body.append(body.length() == 0 ? "" : ",").append(Js.string(termRecords.get(r))).append(',')
                    .append('"').append(termRecords.get(r + 1)).append('"');
            String js = "acervoSearch.terms(" + Js.string(m.lang()) + "," + i + ",[" + body + "]);\n";
            termFiles.add(name("t", js));
            out.add(OutputFile.text(dir + termFiles.get(i), js));
        }
        List<Integer> firstDocs = new ArrayList<>();
        List<String> docFiles = new ArrayList<>();
        for (int i = 0; i < docShards.size(); i++) {
            List<Integer> shard = docShards.get(i);
            firstDocs.add(shard.isEmpty() ? 0 : shard.get(0));
            StringBuilder body = new StringBuilder();
            for (int r : shard) body.append(body.length() == 0 ? "" : ",").append(docRecords.get(r));
            String js = "acervoSearch.docs(" + Js.string(m.lang()) + "," + i + ",[" + body + "]);\n";
            docFiles.add(name("d", js));
            out.add(OutputFile.text(dir + docFiles.get(i), js));
        }
        out.add(OutputFile.text(dir + "index.js", manifest(m, max, docs.size(), firstTerms, termFiles, firstDocs, docFiles)));
        return out;
    }

    private String manifest(Manifest m, float max, int docs, List<String> firstTerms, List<String> termFiles, List<Integer> firstDocs,
                            List<String> docFiles) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", "1");
        fields.put("lang", Js.string(m.lang()));
        fields.put("name", Js.string(m.languageName()));
        fields.put("stem", Js.string(m.analyzer().stemmer()));
        fields.put("stop", Js.strings(m.analyzer().stopWords()));
        fields.put("abc", Js.string(ALPHABET));
        fields.put("max", Float.toString(max));
        fields.put("n", Integer.toString(docs));
        fields.put("tk", Js.strings(firstTerms));
        fields.put("tf", Js.strings(termFiles));
        fields.put("dk", firstDocs.toString().replace(" ", ""));
        fields.put("df", Js.strings(docFiles));
        fields.put("tt", Js.string(m.titleTermCounts()));
        StringBuilder facets = new StringBuilder("[");
        for (Facet f : m.facets()) {
            if (facets.length() > 1) facets.append(',');
            StringBuilder values = new StringBuilder("[");
            for (String[] v : f.values()) values.append(values.length() > 1 ? "," : "").append('[').append(Js.string(v[0])).append(',')
                    .append(Js.string(v[1])).append(']');
            values.append(']');
            // A filter with at most one value per page is a fixed-width column ('!' for none).
            boolean one = f.perDoc().stream().allMatch(v -> v.length <= 1);
            StringBuilder col = new StringBuilder();
            for (int d = 0; d < f.perDoc().size(); d++) {
                int[] v = f.perDoc().get(d);
                if (one) {
                    col.append(v.length == 0 ? '!' : ALPHABET.charAt(v[0]));
                    continue;
                }
                if (d > 0) col.append('!');
                for (int x : v) col.append(ALPHABET.charAt(x));
            }
            facets.append("{key:").append(Js.string(f.key())).append(",label:").append(Js.string(f.label())).append(",values:")
                    .append(values).append(one ? ",one:1" : "").append(",col:\"").append(col).append("\"}");
        }
        fields.put("facets", facets.append(']').toString());
        fields.put("other", Js.map(m.otherLanguages()));
        fields.put("names", Js.map(m.languageNames()));
        // Glossary term pairs for expanding queries across languages: other language -> analysed
        // form of this language -> analysed forms of the other (terms joined by a space).
        StringBuilder pairs = new StringBuilder("{");
        m.pairs().forEach((other, map) -> {
            pairs.append(pairs.length() > 1 ? "," : "").append(Js.string(other)).append(":{");
            int start = pairs.length();
            map.forEach((k, v) -> pairs.append(pairs.length() > start ? "," : "").append(Js.string(k)).append(':').append(Js.strings(v)));
            pairs.append('}');
        });
        fields.put("pairs", pairs.append('}').toString());
        StringBuilder js = new StringBuilder("acervoSearch.manifest({");
        fields.forEach((k, v) -> js.append(js.charAt(js.length() - 1) == '{' ? "" : ",\n").append(k).append(':').append(v));
        return js.append("});\n").toString();
    }

    /** Groups records (of {@code stride} strings each) into runs of about {@code cap} bytes. */
    private static List<List<Integer>> split(List<String> records, int stride, int cap) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < records.size(); i += stride) {
            int size = 0;
            for (int k = 0; k < stride; k++) size += records.get(i + k).length() + 3;
            if (!current.isEmpty() && bytes + size > cap) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(i);
            bytes += size;
        }
        if (!current.isEmpty() || out.isEmpty()) out.add(current);
        return out;
    }

    /** A term's postings: per page, a score character then the page-number gap in base-44 digits. */
    static String postings(TermPostings t, float max) {
        StringBuilder sb = new StringBuilder(t.df() * 3);
        int prev = -1;
        double scale = Math.log1p(max);
        for (int i = 0; i < t.df(); i++) {
            int level = scale == 0 ? LEVELS - 1 : (int) Math.round((LEVELS - 1) * Math.log1p(t.scores()[i]) / scale);
            sb.append(ALPHABET.charAt(Math.min(LEVELS - 1, level) + (t.inTitle()[i] ? LEVELS : 0)));
            int gap = t.docs()[i] - prev - 1;
            prev = t.docs()[i];
            while (gap >= LEVELS) {
                sb.append(ALPHABET.charAt(LEVELS + gap % LEVELS));
                gap /= LEVELS;
            }
            sb.append(ALPHABET.charAt(gap));
        }
        return sb.toString();
    }

    private static String name(String kind, String js) {
        return kind + "-" + new org.acervo.util.Fingerprint().add(js.getBytes(StandardCharsets.UTF_8)).name(10) + ".js";
    }
}
