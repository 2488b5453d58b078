/*
 * libsrtp 3 API on top of libsrtp 2.5 (Debian 12's source package, built over OpenSSL by the
 * 'libsrtp2' subproject; <srtp2/srtp.h> below is that build's copy of its v2 header).
 *
 * mediasoup >= 3.15 calls srtp_protect()/srtp_unprotect() and their RTCP twins with separate input
 * and output buffers and size_t lengths, renamed srtp_remove_stream() to srtp_stream_remove() and
 * added two error codes. libsrtp 2 works in place with int lengths, so each overload copies the
 * packet into the output buffer (after checking its capacity, as libsrtp 3 does) and runs the v2
 * call there. The v2 functions keep their C linkage; these are C++ overloads beside them.
 */
#ifndef VISIO_MSAP_SRTP3_COMPAT_H
#define VISIO_MSAP_SRTP3_COMPAT_H

#include <srtp2/srtp.h>

#ifdef __cplusplus
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

static constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
static constexpr srtp_err_status_t srtp_err_status_cryptex_err  = static_cast<srtp_err_status_t>(29);

namespace visio_msap_srtp3
{
	using V2Call = srtp_err_status_t (*)(srtp_t, void*, int*);

	// SRTCP adds a 4-byte E flag + index word on top of the auth tag and MKI.
	static constexpr size_t MaxTrailer = SRTP_MAX_TRAILER_LEN + 4u;

	inline srtp_err_status_t Run(
	  V2Call call, srtp_t ctx, const uint8_t* in, size_t inLen, uint8_t* out, size_t* outLen, size_t trailer)
	{
		if (in == nullptr || out == nullptr || outLen == nullptr || inLen > static_cast<size_t>(INT_MAX))
			return srtp_err_status_bad_param;
		if (*outLen < inLen + trailer)
			return srtp_err_status_buffer_small;
		if (out != in)
			std::memmove(out, in, inLen);

		int len = static_cast<int>(inLen);
		const srtp_err_status_t err = call(ctx, out, &len);

		if (err == srtp_err_status_ok)
			*outLen = static_cast<size_t>(len);

		return err;
	}
} // namespace visio_msap_srtp3

inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtpLen, uint8_t* srtp, size_t* srtpLen, size_t /*mkiIndex*/)
{
	return visio_msap_srtp3::Run(
	  static_cast<visio_msap_srtp3::V2Call>(&::srtp_protect), ctx, rtp, rtpLen, srtp, srtpLen, visio_msap_srtp3::MaxTrailer);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtpLen, uint8_t* rtp, size_t* rtpLen)
{
	return visio_msap_srtp3::Run(
	  static_cast<visio_msap_srtp3::V2Call>(&::srtp_unprotect), ctx, srtp, srtpLen, rtp, rtpLen, 0u);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcpLen, uint8_t* srtcp, size_t* srtcpLen, size_t /*mkiIndex*/)
{
	return visio_msap_srtp3::Run(
	  static_cast<visio_msap_srtp3::V2Call>(&::srtp_protect_rtcp),
	  ctx, rtcp, rtcpLen, srtcp, srtcpLen, visio_msap_srtp3::MaxTrailer);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcpLen, uint8_t* rtcp, size_t* rtcpLen)
{
	return visio_msap_srtp3::Run(
	  static_cast<visio_msap_srtp3::V2Call>(&::srtp_unprotect_rtcp), ctx, srtcp, srtcpLen, rtcp, rtcpLen, 0u);
}

inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return ::srtp_remove_stream(session, ssrc);
}
#endif /* __cplusplus */

#endif /* VISIO_MSAP_SRTP3_COMPAT_H */
