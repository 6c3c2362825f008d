/** Start-up reference for bench/hello.adc: the smallest Java program, run from source. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello from java");
    }
}
