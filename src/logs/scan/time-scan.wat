;; The time prefilter of prefilter.ts (createTimePrefilter) over raw bytes, 16 at a time (SIMD).
;; scripts/build-wasm.mjs assembles this file into time-scan-wasm.ts; test/logs/time-scan-wasm.test.ts
;; checks that every line start it writes is exactly the JS regex's, line for line.
;;
;; scan(p, len, out, lo, hi) reads the lines in [p, p + len) (each ends in \n; 80 zero bytes follow) and
;; writes to out, as i32 offsets from p, the start of every line that
;;   - holds a backslash or `=`, or
;;   - holds a JSON time key ("time", "timestamp", "@timestamp", "ts", then [ \t\r]* and `:`) whose value
;;     is not a canonical UTC timestamp ("YYYY-MM-DDThh:mm:ss[.f{1,9}]Z", a month-day found in every
;;     year, hh <= 23, mm and ss <= 59; whitespace after the colon counts as not canonical), or is one
;;     whose YYYYMMDDhhmmss lies in [lo, hi].
;; It returns how many it wrote. The bytes are looked at 64 at a time (four 16-byte vectors, one
;; 64-bit mask of the bytes that matter): per byte about 1.5x faster than 16 at a time, the loop's
;; branch and the mask test being most of its cost.
;;
;; On the way it sorts the lines for the scanner's line count (block-scanner.ts): a line whose first byte
;; is visible ASCII (33-127), not longer than maxLen, and not a `{` line ending in anything but `}` (a
;; JSON line cut short) is counted (i32 at address 0); the start of every other non-empty line is
;; written to odd (i32 offsets from p; how many at address 4), for the scanner to look at itself.
(module
  (memory (export "memory") 1)

  ;; 1 when the value at v (its opening quote) is a canonical UTC timestamp; its second (YYYYMMDDhhmmss) in $second.
  ;; Runs for nearly every line, so the fixed layout "YYYY-MM-DDThh:mm" is checked in one SIMD step,
  ;; and digits are read inline (byte - 48): a helper function per digit cost a tenth of the scan.
  (global $second (mut i64) (i64.const 0))
  (func $canonical (param $v i32) (result i32)
    (local $x v128) (local $mo i32) (local $da i32) (local $hh i32) (local $mi i32) (local $ss i32)
    (local $r i32) (local $n i32)
    (local.set $x (v128.load offset=1 (local.get $v)))
    (if (i32.eqz
          (i8x16.all_true
            (v128.bitselect
              (i8x16.le_u (i8x16.sub (local.get $x) (i8x16.splat (i32.const 48))) (i8x16.splat (i32.const 9)))
              (i8x16.eq (local.get $x) (v128.const i8x16 0 0 0 0 45 0 0 45 0 0 84 0 0 58 0 0))
              (v128.const i8x16 -1 -1 -1 -1 0 -1 -1 0 -1 -1 0 -1 -1 0 -1 -1))))
      (then (return (i32.const 0))))
    (if (i32.or
          (i32.ne (i32.load8_u offset=17 (local.get $v)) (i32.const 58)) ;; :
          (i32.or (i32.gt_u (i32.sub (i32.load8_u (i32.add (local.get $v) (i32.const 18))) (i32.const 48)) (i32.const 9))
                  (i32.gt_u (i32.sub (i32.load8_u (i32.add (local.get $v) (i32.const 19))) (i32.const 48)) (i32.const 9))))
      (then (return (i32.const 0))))
    (local.set $mo (i32.add (i32.mul (i32.sub (i32.load8_u offset=6 (local.get $v)) (i32.const 48)) (i32.const 10))
                            (i32.sub (i32.load8_u offset=7 (local.get $v)) (i32.const 48))))
    (local.set $da (i32.add (i32.mul (i32.sub (i32.load8_u offset=9 (local.get $v)) (i32.const 48)) (i32.const 10))
                            (i32.sub (i32.load8_u offset=10 (local.get $v)) (i32.const 48))))
    (local.set $hh (i32.add (i32.mul (i32.sub (i32.load8_u offset=12 (local.get $v)) (i32.const 48)) (i32.const 10))
                            (i32.sub (i32.load8_u offset=13 (local.get $v)) (i32.const 48))))
    (local.set $mi (i32.add (i32.mul (i32.sub (i32.load8_u offset=15 (local.get $v)) (i32.const 48)) (i32.const 10))
                            (i32.sub (i32.load8_u offset=16 (local.get $v)) (i32.const 48))))
    (local.set $ss (i32.add (i32.mul (i32.sub (i32.load8_u offset=18 (local.get $v)) (i32.const 48)) (i32.const 10))
                            (i32.sub (i32.load8_u offset=19 (local.get $v)) (i32.const 48))))
    ;; month 1-12; day 1-28 in any month, 29-30 but in February, 31 in the seven long months
    (if (i32.or (i32.eqz (local.get $mo)) (i32.gt_u (local.get $mo) (i32.const 12))) (then (return (i32.const 0))))
    (if (i32.eqz (local.get $da)) (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $da) (i32.const 28))
      (then
        (if (i32.eq (local.get $mo) (i32.const 2)) (then (return (i32.const 0))))
        (if (i32.gt_u (local.get $da) (i32.const 31)) (then (return (i32.const 0))))
        (if (i32.eq (local.get $da) (i32.const 31))
          (then
            ;; 1, 3, 5, 7, 8, 10, 12
            (if (i32.eqz (i32.and (i32.shl (i32.const 1) (local.get $mo)) (i32.const 5546)))
              (then (return (i32.const 0))))))))
    (if (i32.or (i32.gt_u (local.get $hh) (i32.const 23))
                (i32.or (i32.gt_u (local.get $mi) (i32.const 59)) (i32.gt_u (local.get $ss) (i32.const 59))))
      (then (return (i32.const 0))))
    (local.set $r (i32.add (local.get $v) (i32.const 20)))
    (if (i32.eq (i32.load8_u (local.get $r)) (i32.const 46)) ;; .
      (then
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (local.set $n (i32.const 0))
        (block $end
          (loop $digits
            (br_if $end (i32.gt_u (i32.sub (i32.load8_u (local.get $r)) (i32.const 48)) (i32.const 9)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $digits)))
        (if (i32.or (i32.eqz (local.get $n)) (i32.gt_u (local.get $n) (i32.const 9))) (then (return (i32.const 0))))))
    (if (i32.ne (i32.load16_u (local.get $r)) (i32.const 0x225a)) ;; Z"
      (then (return (i32.const 0))))
    ;; (YYYYMM * 10^6 + DDhhmm) * 100 + ss
    (global.set $second
      (i64.add
       (i64.mul
        (i64.add
        (i64.mul
          (i64.extend_i32_u
            (i32.add
              (i32.mul
                (i32.add
                  (i32.add (i32.mul (i32.sub (i32.load8_u (i32.add (local.get $v) (i32.const 1))) (i32.const 48)) (i32.const 1000))
                           (i32.mul (i32.sub (i32.load8_u (i32.add (local.get $v) (i32.const 2))) (i32.const 48)) (i32.const 100)))
                  (i32.add (i32.mul (i32.sub (i32.load8_u (i32.add (local.get $v) (i32.const 3))) (i32.const 48)) (i32.const 10))
                           (i32.sub (i32.load8_u (i32.add (local.get $v) (i32.const 4))) (i32.const 48))))
                (i32.const 100))
              (local.get $mo)))
          (i64.const 1000000))
        (i64.extend_i32_u
          (i32.add (i32.mul (i32.add (i32.mul (local.get $da) (i32.const 100)) (local.get $hh)) (i32.const 100)) (local.get $mi))))
        (i64.const 100))
       (i64.extend_i32_u (local.get $ss))))
    (i32.const 1))

  ;; 1 when the line [s, q) (its first byte `{`) does not end in `}`, ASCII whitespace aside.
  (func $openEnd (param $s i32) (param $q i32) (result i32)
    (local $j i32) (local $c i32)
    (local.set $j (i32.sub (local.get $q) (i32.const 1)))
    (block $done
      (loop $back
        (br_if $done (i32.le_u (local.get $j) (local.get $s)))
        (local.set $c (i32.load8_u (local.get $j)))
        (br_if $done (i32.eqz (i32.or (i32.eq (local.get $c) (i32.const 32))
                                      (i32.le_u (i32.sub (local.get $c) (i32.const 9)) (i32.const 4)))))
        (local.set $j (i32.sub (local.get $j) (i32.const 1)))
        (br $back)))
    (i32.ne (i32.load8_u (local.get $j)) (i32.const 125)))

  ;; At q (a quote followed by t or @): 1 when a time key starts here whose value may be in [lo, hi].
  (func $keyMaybe (param $q i32) (param $lo i64) (param $hi i64) (result i32)
    (local $k i32) (local $c i32)
    (if (i32.eq (i32.load8_u offset=1 (local.get $q)) (i32.const 116)) ;; t
      (then
        (if (i32.eq (i32.load offset=1 (local.get $q)) (i32.const 0x656d6974)) ;; time
          (then
            (if (i32.eq (i32.load8_u offset=5 (local.get $q)) (i32.const 34))
              (then (local.set $k (i32.add (local.get $q) (i32.const 6))))
              (else
                (if (i32.and
                      (i32.eq (i32.load offset=5 (local.get $q)) (i32.const 0x6d617473)) ;; stam
                      (i32.eq (i32.load16_u offset=9 (local.get $q)) (i32.const 0x2270))) ;; p"
                  (then (local.set $k (i32.add (local.get $q) (i32.const 11))))
                  (else (return (i32.const 0)))))))
          (else
            (if (i32.eq (i32.load16_u offset=2 (local.get $q)) (i32.const 0x2273)) ;; s"
              (then (local.set $k (i32.add (local.get $q) (i32.const 4))))
              (else (return (i32.const 0)))))))
      (else
        ;; @timestamp"
        (if (i32.and
              (i32.and
                (i32.eq (i32.load offset=1 (local.get $q)) (i32.const 0x6d697440)) ;; @tim
                (i32.eq (i32.load offset=5 (local.get $q)) (i32.const 0x61747365))) ;; esta
              (i32.eq (i32.and (i32.load offset=9 (local.get $q)) (i32.const 0xffffff)) (i32.const 0x22706d))) ;; mp"
          (then (local.set $k (i32.add (local.get $q) (i32.const 12))))
          (else (return (i32.const 0))))))
    ;; [ \t\r]* :
    (block $done
      (loop $ws
        (local.set $c (i32.load8_u (local.get $k)))
        (br_if $done (i32.eqz (i32.or (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 9)))
                                      (i32.eq (local.get $c) (i32.const 13)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $ws)))
    (if (i32.ne (local.get $c) (i32.const 58)) (then (return (i32.const 0))))
    (local.set $c (i32.load8_u offset=1 (local.get $k)))
    (if (i32.ne (local.get $c) (i32.const 34)) (then (return (i32.const 1))))
    (if (i32.eqz (call $canonical (i32.add (local.get $k) (i32.const 1)))) (then (return (i32.const 1))))
    (i32.and (i64.ge_u (global.get $second) (local.get $lo)) (i64.le_u (global.get $second) (local.get $hi))))

  (func (export "scan") (param $p i32) (param $len i32) (param $out i32) (param $lof f64) (param $hif f64)
    (param $odd i32) (param $maxLen i32) (result i32)
    (local $end i32) (local $b i32) (local $m i64) (local $q i32) (local $c i32) (local $o i32)
    (local $s i32) (local $n i32) (local $f i32) (local $visible i32) (local $k i32)
    (local $ls i32) (local $done i32) (local $lo i64) (local $hi i64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $v4 v128) (local $v5 v128) (local $v6 v128) (local $v7 v128)
    (local $cq v128) (local $ct v128) (local $ca v128) (local $cn v128) (local $cb v128) (local $ce v128)
    (local.set $cq (i8x16.splat (i32.const 34)))
    (local.set $ct (i8x16.splat (i32.const 116)))
    (local.set $ca (i8x16.splat (i32.const 64)))
    (local.set $cn (i8x16.splat (i32.const 10)))
    (local.set $cb (i8x16.splat (i32.const 92)))
    (local.set $ce (i8x16.splat (i32.const 61)))
    (local.set $lo (i64.trunc_f64_u (local.get $lof)))
    (local.set $hi (i64.trunc_f64_u (local.get $hif)))
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (local.set $b (local.get $p))
    (local.set $ls (i32.const 0))
    (block $exit
      (loop $blocks
        (br_if $exit (i32.ge_u (local.get $b) (local.get $end)))
        (local.set $v0 (v128.load (local.get $b)))
        (local.set $v1 (v128.load offset=1 (local.get $b)))
        (local.set $v2 (v128.load offset=16 (local.get $b)))
        (local.set $v3 (v128.load offset=17 (local.get $b)))
        (local.set $v4 (v128.load offset=32 (local.get $b)))
        (local.set $v5 (v128.load offset=33 (local.get $b)))
        (local.set $v6 (v128.load offset=48 (local.get $b)))
        (local.set $v7 (v128.load offset=49 (local.get $b)))
        (local.set $m
          (i64.or
            (i64.or
              (i64.extend_i32_u (i8x16.bitmask
                (v128.or
                  (v128.or
                    (v128.and
                      (i8x16.eq (local.get $v0) (local.get $cq))
                      (v128.or (i8x16.eq (local.get $v1) (local.get $ct)) (i8x16.eq (local.get $v1) (local.get $ca))))
                    (i8x16.eq (local.get $v0) (local.get $cn)))
                  (v128.or (i8x16.eq (local.get $v0) (local.get $cb)) (i8x16.eq (local.get $v0) (local.get $ce))))))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask
                (v128.or
                  (v128.or
                    (v128.and
                      (i8x16.eq (local.get $v2) (local.get $cq))
                      (v128.or (i8x16.eq (local.get $v3) (local.get $ct)) (i8x16.eq (local.get $v3) (local.get $ca))))
                    (i8x16.eq (local.get $v2) (local.get $cn)))
                  (v128.or (i8x16.eq (local.get $v2) (local.get $cb)) (i8x16.eq (local.get $v2) (local.get $ce)))))) (i64.const 16)))
            (i64.or
              (i64.shl (i64.extend_i32_u (i8x16.bitmask
                (v128.or
                  (v128.or
                    (v128.and
                      (i8x16.eq (local.get $v4) (local.get $cq))
                      (v128.or (i8x16.eq (local.get $v5) (local.get $ct)) (i8x16.eq (local.get $v5) (local.get $ca))))
                    (i8x16.eq (local.get $v4) (local.get $cn)))
                  (v128.or (i8x16.eq (local.get $v4) (local.get $cb)) (i8x16.eq (local.get $v4) (local.get $ce)))))) (i64.const 32))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask
                (v128.or
                  (v128.or
                    (v128.and
                      (i8x16.eq (local.get $v6) (local.get $cq))
                      (v128.or (i8x16.eq (local.get $v7) (local.get $ct)) (i8x16.eq (local.get $v7) (local.get $ca))))
                    (i8x16.eq (local.get $v6) (local.get $cn)))
                  (v128.or (i8x16.eq (local.get $v6) (local.get $cb)) (i8x16.eq (local.get $v6) (local.get $ce)))))) (i64.const 48)))))
        ;; the last block: only bytes before end (its loads read into the zero bytes that follow)
        (if (i32.gt_u (i32.add (local.get $b) (i32.const 64)) (local.get $end))
          (then (local.set $m (i64.and (local.get $m)
                  (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $b)))) (i64.const 1))))))
        (block $bits
          (loop $bit
            (br_if $bits (i64.eqz (local.get $m)))
            (local.set $q (i32.add (local.get $b) (i32.wrap_i64 (i64.ctz (local.get $m)))))
            (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
            (local.set $c (i32.load8_u (local.get $q)))
            (if (i32.eq (local.get $c) (i32.const 10))
              (then
                ;; the line [s, q) ends here: counted, or odd
                (local.set $s (i32.add (local.get $p) (local.get $ls)))
                (local.set $n (i32.sub (local.get $q) (local.get $s)))
                (if (local.get $n)
                  (then
                    (local.set $f (i32.load8_u (local.get $s)))
                    (local.set $c (i32.or (i32.gt_u (local.get $n) (local.get $maxLen))
                                          (i32.gt_u (i32.sub (local.get $f) (i32.const 33)) (i32.const 94))))
                    (if (i32.eqz (local.get $c))
                      (then (if (i32.eq (local.get $f) (i32.const 123))
                        (then (local.set $c (call $openEnd (local.get $s) (local.get $q)))))))
                    (if (local.get $c)
                      (then
                        (i32.store (i32.add (local.get $odd) (i32.shl (local.get $k) (i32.const 2))) (local.get $ls))
                        (local.set $k (i32.add (local.get $k) (i32.const 1))))
                      (else (local.set $visible (i32.add (local.get $visible) (i32.const 1)))))))
                (local.set $ls (i32.sub (i32.add (local.get $q) (i32.const 1)) (local.get $p)))
                (local.set $done (i32.const 0))
                (br $bit)))
            (br_if $bit (local.get $done))
            (if (i32.or
                  (i32.ne (local.get $c) (i32.const 34))
                  (call $keyMaybe (local.get $q) (local.get $lo) (local.get $hi)))
              (then
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $o) (i32.const 2))) (local.get $ls))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (local.set $done (i32.const 1))))
            (br $bit)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br $blocks)))
    (i32.store (i32.const 0) (local.get $visible))
    (i32.store (i32.const 4) (local.get $k))
    (local.get $o))
)
