/* Test-only stand-in for bcryptprimitives.dll under Wine 8, which lacks ProcessPrng: Rust's
 * std asks it for random bytes (HashMap keys, temporary names). Built by .ci/run and
 * tests/wine/run into the folder of the test executables; never shipped with pojok.exe,
 * because every Windows 10 and 11 has the real one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
