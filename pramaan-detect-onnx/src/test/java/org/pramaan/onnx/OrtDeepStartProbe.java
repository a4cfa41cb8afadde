package org.pramaan.onnx;

/** Run in a child JVM by OrtOptionsTest: starts ONNX Runtime (BlazeFace) from 3,000 Java frames deep. */
public final class OrtDeepStartProbe {
    private OrtDeepStartProbe() {}

    static String deep(int n) throws Exception {
        if (n == 0) {
            try (BlazeFace f = BlazeFace.load()) {
                return f.provider();
            }
        }
        return deep(n - 1);
    }

    public static void main(String[] args) throws Exception {
        System.out.println("started on " + deep(args.length > 0 ? Integer.parseInt(args[0]) : 3000));
    }
}
