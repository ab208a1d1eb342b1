/*
 * EPUBCheck for many books in one Java process: starting the JVM and loading
 * EPUBCheck's schemas takes about six seconds, checking a small book a tenth
 * of that. Reads one path per line on stdin; for each, runs EPUBCheck's own
 * command line on it and prints what it prints, then a line
 * "\u0000EPUBCHECK-EXIT <code>". Run as a source file:
 * java -cp /usr/share/java/epubcheck.jar EpubcheckBatch.java
 */
import java.io.BufferedReader;
import java.io.InputStreamReader;

public class EpubcheckBatch {
  public static void main(String[] args) throws Exception {
    System.setErr(System.out);
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    String path;
    while ((path = input.readLine()) != null) {
      int code;
      try {
        code = new com.adobe.epubcheck.tool.EpubChecker().run(new String[] { path });
      } catch (Throwable error) {
        System.out.println("FATAL(batch): " + error);
        code = 2;
      }
      System.out.println("\u0000EPUBCHECK-EXIT " + code);
      System.out.flush();
    }
  }
}
